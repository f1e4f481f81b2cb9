using System.Text.Json.Serialization;
using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Http;
using Analytics.Api.Shared.Json;
using Analytics.Api.Shared.Observability;
using Analytics.Api.Shared.Privacy;
using Analytics.Api.Shared.Scheduling;
using Analytics.Api.Shared.Sources.Upstream;
using Carter;
using FluentValidation;

namespace Analytics.Api.Shared.Hosting;

/// <summary>Everything the HTTP service registers, in one place Program.cs calls.</summary>
public static class AnalyticsServices
{
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
        });
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json => json.IncludeScopes = true);
        }

        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<StoreInitializer>();
        services.AddHostedService<DemoUsersBanner>();
        services.AddAnalyticsDatabase(configuration);
        services.AddAnalyticsAuthentication(configuration);
        services.AddPrivacy(configuration);
        services.AddAnalyticsRateLimiting(configuration);
        services.AddAnalyticsScheduling(configuration);
        services.AddAnalyticsFreshness();
        services.AddReports();
        services.AddUpstreamClients();
        services.AddAnalyticsTelemetry(configuration);
        // Bounded: HybridCache sizes its memory entries by payload bytes, so this caps the first cache level at
        // `Analytics:Cache:MemoryLimitMegabytes` (256) and evicts beyond it, whatever the number of subjects read.
        services.AddMemoryCache(memory =>
            memory.SizeLimit = configuration.GetValue("Analytics:Cache:MemoryLimitMegabytes", 256L) * 1024 * 1024);
        services.AddAnalyticsRedisCache(configuration);
        services.AddHybridCache();
        services.AddSingleton<CacheLifetimes>();
        services.AddSingleton<Staleness>();
        services.AddSingleton<PrivacySettings>();
        services.AddSingleton<ComputeBudget>();
        services.AddScoped<AccessPolicy>();
        services.AddScoped<AnalyticsResponses>();
        services.AddValidatorsFromAssemblyContaining<StoreInitializer>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(TracingBehaviour<,>),
                typeof(RoleAuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(SubjectAuthorizationBehaviour<,>),
                typeof(CachingBehaviour<,>),
            ];
        });
        services.AddCarter(configurator: carter => carter.WithEmptyValidators());
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.MaxDepth = RequestLimits.MaxJsonDepth;
            json.SerializerOptions.Converters.Add(new UtcInstantConverter());
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        // API.md §6.4: Brotli or gzip for JSON bodies over 1 KiB; the pipeline leaves /auth/* uncompressed (secrets beside reflected input).
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            compression.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            compression.MimeTypes = ["application/json", "application/problem+json", "text/csv"];
        });
        services.AddAnalyticsCors(configuration, builder.Environment.IsDevelopment());
        services.AddAnalyticsTransport(configuration);
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Learning Analytics API";
            document.Info.Version = "v1";
            document.Info.Description = "Analytics for learners, trainers and organisation admins. Log in with POST /api/v1/auth/login.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: ["ready"]);
        services.AddAnalyticsOpenApiDocumentation();
        return builder;
    }
}
