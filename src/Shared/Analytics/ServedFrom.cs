namespace Analytics.Api.Shared.Analytics;

/// <summary>The layer that answered an analytics read (`meta.servedFrom`, API.md §1.2).</summary>
public enum ServedFrom
{
    Computed,
    Snapshot,
    Memory,
}
