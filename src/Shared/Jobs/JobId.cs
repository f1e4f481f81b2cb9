namespace Analytics.Api.Shared.Jobs;

/// <summary>
/// 'job_' + a ULID, the own-id rule of DATA_MODEL.md §0: one source for refresh jobs, batch runs and sync runs, so a job id is
/// unique across the three and sorts by creation time.
/// </summary>
public static class JobId
{
    public static string New(DateTimeOffset now) => "job_" + Ulid.NewUlid(now);
}
