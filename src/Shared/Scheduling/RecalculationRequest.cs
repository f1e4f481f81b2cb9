namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// Which run to execute: the nightly run of a day (created or taken over) or an existing run by id (queued by an operator, or
/// one whose instance died). <see cref="WaitWhileBusy"/>: wait while another instance is alive on the run (or on another run)
/// instead of giving up — what a scheduled execution does, so a run left by a dead instance is continued once its heartbeat
/// has aged.
/// </summary>
public sealed record RecalculationRequest(string? RunId, DateOnly? NightlyDate, bool WaitWhileBusy)
{
    public static RecalculationRequest Nightly(DateOnly runDate, bool waitWhileBusy = true) => new(null, runDate, waitWhileBusy);

    public static RecalculationRequest Existing(string runId, bool waitWhileBusy = true) => new(runId, null, waitWhileBusy);
}
