namespace Analytics.Api.Shared.Observability;

/// <summary>One read of `StoreSample.sql`: the oldest snapshot and the job counts by type and status (failed: last 24 hours).</summary>
public sealed record StoreSample(
    DateTimeOffset? OldestSnapshotAt,
    int RefreshQueued,
    int RefreshRunning,
    int RefreshFailed,
    int RecalculationRunning,
    int RecalculationFailed)
{
    public const string QueryName = "StoreSample";

    /// <summary>How far back the failed counts look.</summary>
    public static readonly TimeSpan FailedWindow = TimeSpan.FromHours(24);
}
