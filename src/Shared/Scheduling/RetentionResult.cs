namespace Analytics.Api.Shared.Scheduling;

/// <summary>Rows one retention pass deleted; <see cref="SnapshotCutoff"/> null = snapshots kept (no completed nightly run, or it is failing).</summary>
public sealed record RetentionResult(DateTimeOffset? SnapshotCutoff, int Snapshots, int RefreshJobs, int BatchFailures, int BatchRuns);
