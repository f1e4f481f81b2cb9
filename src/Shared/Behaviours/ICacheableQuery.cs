using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Shared.Behaviours;

/// <summary>Marker: the response may be served from the memory cache for the category's lifetime (ANALYTICS.md §0.7).</summary>
public interface ICacheableQuery
{
    /// <summary>Identifies the result: analytic, subject, role family and every non-default parameter.</summary>
    string CacheKey { get; }

    CacheCategory Category { get; }

    /// <summary>True when non-default filter parameters make this a 5-minute on-demand result (API.md §4).</summary>
    bool IsFiltered { get; }
}
