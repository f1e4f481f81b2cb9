namespace Analytics.Api.Shared.Analytics;

/// <summary>A result that can carry the upstream services failing for it at read time (`meta.degradedUpstreams`, API.md §1.2).</summary>
public interface IDegradationAware
{
    object WithDegradedUpstreams(IReadOnlyList<string> upstreams);
}
