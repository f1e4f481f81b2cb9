namespace Analytics.Api.Features.Operations.Status;

/// <summary>
/// Refresh jobs and recalculation runs: queued and running now, failed in the last 24 hours; `QueueDepth` counts the queued
/// refresh jobs alone. Null when the store could not be read.
/// </summary>
public sealed record StatusJobs(int? Queued, int? Running, int? FailedLast24h, int? QueueDepth)
{
    public static StatusJobs Unknown { get; } = new(null, null, null, null);
}
