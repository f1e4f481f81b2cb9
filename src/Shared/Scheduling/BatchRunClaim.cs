namespace Analytics.Api.Shared.Scheduling;

/// <summary>What an attempt to own a recalculation run found.</summary>
public enum BatchRunClaimOutcome
{
    /// <summary>This instance owns the run now and continues it after its resume position.</summary>
    Claimed,

    /// <summary>The run already completed: nothing to do.</summary>
    Completed,

    /// <summary>Another instance is alive on the run (its heartbeat is recent).</summary>
    Busy,

    /// <summary>Another run of the kind is running (one at a time: ux_batch_runs_running); <see cref="BatchRunClaim.Run"/> is that one.</summary>
    Conflict,

    /// <summary>No such run, or it stopped (failed, abandoned) and is not resumed by id.</summary>
    Missing,
}

public sealed record BatchRunClaim(BatchRunClaimOutcome Outcome, BatchRunRow? Run);
