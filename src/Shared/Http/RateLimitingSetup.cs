using System.Globalization;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Observability;
using StackExchange.Redis;

namespace Analytics.Api.Shared.Http;

/// <summary>
/// Fixed-window limits per key for the counted classes of API.md §5 (`RateLimits:&lt;class&gt;:{Limit,WindowSeconds}`) through
/// ASP.NET Core's rate limiter: in Redis when `ConnectionStrings:Redis` is set (shared by every instance, this instance's
/// memory while Redis does not answer), else in this instance's memory. A rejection is 429 problem+json with Retry-After
/// and the RateLimit headers, counted in `rate_limit_rejections_total{policy}`.
/// </summary>
public static class RateLimitingSetup
{
    public static IReadOnlyDictionary<string, RateLimitSettings> Settings(IConfiguration configuration) =>
        RateClasses.Defaults.ToDictionary(
            pair => pair.Key,
            pair => RateLimitSettings.From(configuration, pair.Key, pair.Value.Limit, pair.Value.WindowSeconds));

    public static IServiceCollection AddAnalyticsRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = Settings(configuration);
        services.AddSingleton<MemoryRateCounter>();
        if (RedisCacheSetup.IsConfigured(configuration))
        {
            var options = RedisCacheSetup.BoundedOptions(configuration);
            services.AddSingleton<IRateCounter>(provider => new RedisRateCounter(
                async () => await ConnectionMultiplexer.ConnectAsync(options.Clone()),
                provider.GetRequiredService<MemoryRateCounter>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<RedisRateCounter>>()));
        }
        else
        {
            services.AddSingleton<IRateCounter>(provider => provider.GetRequiredService<MemoryRateCounter>());
        }

        services.AddSingleton<ClassRateLimiter>(provider => new ClassRateLimiter(settings, provider.GetRequiredService<IRateCounter>()));
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IServiceProvider>((options, provider) =>
            {
                options.GlobalLimiter = provider.GetRequiredService<ClassRateLimiter>();
                options.OnRejected = async (rejected, _) =>
                {
                    var context = rejected.HttpContext;
                    if (context.Items[RateLimitState.ItemKey] is not RateLimitState { Decision: { } decision } state)
                    {
                        return;
                    }

                    var limit = state.Settings;
                    var retryAfter = Math.Max(1, decision.ResetSeconds);
                    AnalyticsTelemetry.RateLimitRejections.Add(1, new KeyValuePair<string, object?>("policy", limit.Policy));
                    // API.md §5: the refresh class also says when the next request will be accepted.
                    var problem = limit.Policy == "refresh"
                        ? Problems.RateLimited(limit.Policy, limit.Limit, limit.WindowSeconds, retryAfter, "refresh requests",
                            context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(retryAfter))
                        : Problems.RateLimited(limit.Policy, limit.Limit, limit.WindowSeconds, retryAfter, "requests");
                    await ProblemWriter.WriteAsync(context, problem);
                };
            });
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>`RateLimit-Policy`, `-Limit`, `-Remaining` and `-Reset` on every response of a limited request (API.md §5).</summary>
    public static IApplicationBuilder UseRateLimitPolicyHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Items[RateLimitState.ItemKey] is RateLimitState state && !context.Response.Headers.ContainsKey("RateLimit-Policy"))
                {
                    var headers = context.Response.Headers;
                    headers["RateLimit-Policy"] = $"{state.Settings.Limit};w={state.Settings.WindowSeconds}";
                    headers["RateLimit-Limit"] = state.Settings.Limit.ToString(CultureInfo.InvariantCulture);
                    if (state.Decision is { } decision)
                    {
                        headers["RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
                        headers["RateLimit-Reset"] = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
                    }
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
