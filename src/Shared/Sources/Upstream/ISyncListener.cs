namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// Work that follows a sync run which wrote rows (the gamification ledger awards points, ANALYTICS.md §0.7). Called after the run
/// is closed, so a listener's failure never marks the sync failed.
/// </summary>
public interface ISyncListener
{
    Task SyncedAsync(IReadOnlyList<string> organisations, CancellationToken cancellationToken);
}
