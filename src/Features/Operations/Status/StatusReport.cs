namespace Analytics.Api.Features.Operations.Status;

/// <summary>
/// The status body of API.md §4.10. `Status` is `healthy`, or `degraded` when the store could not be read (its fields are
/// then null); `Instance` is the host name, as the batch runs record it.
/// </summary>
public sealed record StatusReport(
    string Status,
    string Version,
    DateTimeOffset Timestamp,
    long UptimeSeconds,
    string Instance,
    StatusMetrics Metrics,
    StatusCache Cache,
    StatusRecalculation Recalculation,
    long? OldestSnapshotAgeSeconds,
    StatusJobs Jobs);
