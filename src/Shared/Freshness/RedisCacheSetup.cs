using StackExchange.Redis;

namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// The optional Redis second level of the memory cache (PRODUCT.md decision 9): configured by `ConnectionStrings:Redis`,
/// HybridCache then shares entries between instances. Every Redis call is bounded (1 s unless the connection string says
/// otherwise) and a Redis outage only costs cache hits, never a failed read.
/// </summary>
public static class RedisCacheSetup
{
    public const string InstanceName = "analytics:";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"));

    public static IServiceCollection AddAnalyticsRedisCache(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsConfigured(configuration))
        {
            return services;
        }

        var options = BoundedOptions(configuration);
        services.AddStackExchangeRedisCache(redis =>
        {
            redis.ConfigurationOptions = options;
            redis.InstanceName = InstanceName;
        });
        return services;
    }

    /// <summary>`ConnectionStrings:Redis` with every call bounded (1 s unless the string sets timeouts) and no failure at start.</summary>
    public static ConfigurationOptions BoundedOptions(IConfiguration configuration)
    {
        var options = ConfigurationOptions.Parse(configuration.GetConnectionString("Redis")!);
        options.AbortOnConnectFail = false;
        var explicitTimeouts = configuration.GetConnectionString("Redis")!.Contains("timeout", StringComparison.OrdinalIgnoreCase);
        if (!explicitTimeouts)
        {
            options.ConnectTimeout = 1000;
            options.SyncTimeout = 1000;
            options.AsyncTimeout = 1000;
        }

        return options;
    }
}
