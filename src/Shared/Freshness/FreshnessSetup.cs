namespace Analytics.Api.Shared.Freshness;

/// <summary>Snapshots, the refresh queue and its workers, and the listener that keeps instances in step.</summary>
public static class FreshnessSetup
{
    public static IServiceCollection AddAnalyticsFreshness(this IServiceCollection services)
    {
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<ActiveRefreshes>();
        services.AddSingleton<RefreshSignal>();
        services.AddSingleton<RefreshJobs>();
        // Each slice declares its stored analytic; finding them by scan keeps the slices the only place that knows them.
        foreach (var type in typeof(FreshnessSetup).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISnapshotAnalytic).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(ISnapshotAnalytic), type);
        }

        services.AddSingleton<SnapshotAnalytics>();
        services.AddScoped<LearnerSnapshotInputs>();
        services.AddHostedService<FreshnessListener>();
        services.AddSingleton<RefreshWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<RefreshWorker>());
        return services;
    }
}
