using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Analytics.Api.Shared.Observability;

/// <summary>OpenTelemetry traces and metrics: Prometheus text on `/metrics`, OTLP export when `OTEL_EXPORTER_OTLP_ENDPOINT` is set.</summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddAnalyticsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        // The rolling window of /api/status (fed by RequestWindowMiddleware and the cache-lookup listener) and the store gauges.
        services.AddSingleton<RequestWindow>();
        services.AddHostedService<CacheLookupListener>();
        services.AddSingleton<StoreSampler>();
        services.AddHostedService(provider => provider.GetRequiredService<StoreSampler>());
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("learning-analytics", serviceVersion: ServiceInfo.Version))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(AnalyticsTelemetry.Name).AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql().AddSource(AnalyticsTelemetry.Name);
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        return services;
    }
}
