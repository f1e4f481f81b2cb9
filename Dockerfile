# Build: the SDK image restores and publishes the one executable.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Analytics.Api.csproj src/
RUN dotnet restore src/Analytics.Api.csproj
COPY src/ src/
RUN dotnet publish src/Analytics.Api.csproj -c Release -o /app --no-restore

# Run: the ASP.NET runtime as a non-root user; fonts for the PDF reports.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_gcServer=0
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s CMD curl -fsS http://localhost:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "Analytics.Api.dll"]
