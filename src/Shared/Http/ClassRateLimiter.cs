using System.Threading.RateLimiting;

namespace Analytics.Api.Shared.Http;

/// <summary>
/// ASP.NET Core's global limiter for the counted classes of API.md §5: classifies the request (<see cref="RateClasses"/>), counts
/// it in memory or Redis (<see cref="IRateCounter"/>) and leaves the decision in the request's items. The synchronous attempt
/// never counts: the middleware then asks asynchronously, where a Redis round trip is possible.
/// </summary>
public sealed class ClassRateLimiter(IReadOnlyDictionary<string, RateLimitSettings> settings, IRateCounter counter)
    : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        RateClasses.Classify(resource) is null ? ClassLease.Unlimited : ClassLease.Deferred;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        if (RateClasses.Classify(resource) is not { } rateClass)
        {
            return ClassLease.Unlimited;
        }

        var limit = settings[rateClass.Policy];
        var decision = await counter.HitAsync(rateClass.Policy + "|" + rateClass.Key, limit, cancellationToken);
        resource.Items[RateLimitState.ItemKey] = new RateLimitState(limit, decision);
        return decision.Allowed ? ClassLease.Acquired : new ClassLease(false, TimeSpan.FromSeconds(decision.ResetSeconds));
    }

    private sealed class ClassLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly ClassLease Unlimited = new(true, null);

        public static readonly ClassLease Acquired = new(true, null);

        public static readonly ClassLease Deferred = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
