namespace Analytics.Api.Shared.Scheduling;

public enum RecalculationResult
{
    /// <summary>The run completed (some subjects may have failed: `failed_subjects`).</summary>
    Completed,

    /// <summary>The run stopped on an error and is marked failed; a later nightly claim of the same day resumes it.</summary>
    Failed,

    /// <summary>The run was already completed.</summary>
    NothingToDo,

    /// <summary>Another instance is alive on the run, or another run is running (the request did not wait).</summary>
    Busy,

    /// <summary>Cancelled (shutdown) between or inside a chunk: the run stays `running` and is resumed once its heartbeat ages.</summary>
    Interrupted,

    /// <summary>Another instance took the run over while this one was on it (this one's heartbeat had aged).</summary>
    LostOwnership,

    /// <summary>No such run, or it stopped.</summary>
    Missing,
}

/// <summary>How one execution of a recalculation ended, with the run row as it was then and what this execution did.</summary>
public sealed record RecalculationOutcome(RecalculationResult Result, BatchRunRow? Run, RecalculationStatistics? Statistics = null);
