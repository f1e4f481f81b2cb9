using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Shared.Behaviours;

/// <summary>Marker: the response may be served from the memory cache for the category's lifetime (ANALYTICS.md §0.7).</summary>
public interface ICacheableQuery
{
    /// <summary>
    /// Identifies the result: `analytics:&lt;subject type&gt;:&lt;id&gt;:&lt;role family&gt;:&lt;analytic&gt;[:&lt;non-default
    /// parameters&gt;]`. The subject part tags the entry, so a refresh of the subject drops every view of it.
    /// </summary>
    string CacheKey { get; }

    CacheCategory Category { get; }

    /// <summary>True when non-default filter parameters make this a 5-minute on-demand result (API.md §4).</summary>
    bool IsFiltered { get; }

    /// <summary>
    /// The stored snapshot this read is the default view of (DATA_MODEL.md §2), or null when it is not: filtered, or a view
    /// narrowed to the caller (an org-admin's view of a trainer). Only default views are read from and written to the store.
    /// </summary>
    SnapshotKey? Snapshot { get; }
}
