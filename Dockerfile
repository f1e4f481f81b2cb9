# syntax=docker/dockerfile:1
# The service's image: the SDK builds the one executable the way scripts/run does (the same project, -c Release; checked by
# scripts/check-deploy), the ASP.NET runtime runs it as a non-root user. What the service does on start is the same as under
# scripts/run: migrations (advisory-locked, so several instances may start at once), then, only when Sources:Mode is `demo` and
# the store is empty, the demo generator. Keys come from the environment or from files (deploy/docker-entrypoint.sh, `*_FILE`);
# outside Development the service refuses to start without strong ones. Build: `docker build -t learning-analytics .`

# Build on the builder's own platform, for the target's architecture (`docker buildx build --platform linux/arm64 …` works too).
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /source
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Restore first, from the project and the repository-wide build settings only, so a source change keeps the restored layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Analytics.Api.csproj src/
RUN dotnet restore src/Analytics.Api.csproj -a "$TARGETARCH"
COPY src/ src/
# Framework-dependent for the one architecture: the native assets of the other platforms (about 150 MB) stay out of the image.
RUN dotnet publish src/Analytics.Api.csproj -c Release -a "$TARGETARCH" --no-self-contained --no-restore -o /app

# Run: the ASP.NET runtime; fonts for the PDF reports and charts (DejaVuFontResolver), curl for the health check.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
COPY --chmod=755 deploy/docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
# The base image's unprivileged user (uid 1654); numeric, so orchestrators can verify that it is not root.
USER $APP_UID
# Production unless told otherwise; plain HTTP on 8080 behind a proxy (HTTPS redirection: Http:RequireHttps, docs/security.md).
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_gcServer=0
EXPOSE 8080
# Ready = the store answers and this node of the scheduler cluster runs (/health/ready); never redirected to HTTPS.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health/ready || exit 1
# Arguments are the service's verbs (none = serve HTTP; `migrate`, `generate …`, `import oulad …`, `sync upstreams`, …).
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
