using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>Report schedules: store, runner, deliveries, the webhook client and its resilience pipeline (API.md §4.7).</summary>
public static class SchedulesSetup
{
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(90);

    public static IServiceCollection AddReportSchedules(this IServiceCollection services)
    {
        services.AddSingleton(provider => DeliveryOptions.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<ScheduleRunner>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<ScheduleDeliveries>();
        services.AddSingleton<ReportMailer>();
        services.AddHttpClient<ReportWebhookClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("report-webhook", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<DeliveryOptions>();
                pipeline.AddTimeout(TotalTimeout);
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromSeconds(options.WebhookRetryBaseDelaySeconds),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.WebhookTimeoutSeconds));
            });
        return services;
    }
}
