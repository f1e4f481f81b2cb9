using System.Globalization;
using System.Threading.RateLimiting;
using Analytics.Api.Shared.Errors;
using Microsoft.AspNetCore.RateLimiting;

namespace Analytics.Api.Shared.Http;

/// <summary>
/// Fixed-window limits per key for the counted classes of API.md §5 (`RateLimits:<class>:{Limit,WindowSeconds}`), in this
/// instance's memory; a rejection is 429 problem+json with Retry-After and the RateLimit headers.
/// </summary>
public static class RateLimitingSetup
{
    private const string ItemKey = "analytics.rate-limit";

    public static IServiceCollection AddAnalyticsRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = RateClasses.Defaults.ToDictionary(
            pair => pair.Key,
            pair => RateLimitSettings.From(configuration, pair.Key, pair.Value.Limit, pair.Value.WindowSeconds));
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (RateClasses.Classify(context) is not { } rateClass)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limit = settings[rateClass.Policy];
                context.Items[ItemKey] = limit;
                return RateLimitPartition.GetFixedWindowLimiter(
                    rateClass.Policy + "|" + rateClass.Key,
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limit.Limit,
                        Window = TimeSpan.FromSeconds(limit.WindowSeconds),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
            options.OnRejected = async (rejected, _) =>
            {
                var context = rejected.HttpContext;
                var limit = context.Items[ItemKey] as RateLimitSettings ?? new RateLimitSettings("read", 0, 60);
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : limit.WindowSeconds;
                // API.md §5: the refresh class also says when the next request will be accepted.
                var problem = limit.Policy == "refresh"
                    ? Problems.RateLimited(limit.Policy, limit.Limit, limit.WindowSeconds, retryAfter, "refresh requests",
                        context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(retryAfter))
                    : Problems.RateLimited(limit.Policy, limit.Limit, limit.WindowSeconds, retryAfter, "requests");
                await ProblemWriter.WriteAsync(context, problem);
            };
        });
        return services;
    }

    /// <summary>Advertises the policy of a limited request (`RateLimit-Policy`, `RateLimit-Limit`).</summary>
    public static IApplicationBuilder UseRateLimitPolicyHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Items[ItemKey] is RateLimitSettings limit && !context.Response.Headers.ContainsKey("RateLimit-Policy"))
                {
                    context.Response.Headers["RateLimit-Policy"] = $"{limit.Limit};w={limit.WindowSeconds}";
                    context.Response.Headers["RateLimit-Limit"] = limit.Limit.ToString(CultureInfo.InvariantCulture);
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

}
