using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// An analytic that has a stored default view: what the refresh worker and the nightly run compute, bypassing every cache.
/// Each slice declares its own (found by assembly scan), so a new analytic joins refreshes and the nightly run by existing.
/// </summary>
public interface ISnapshotAnalytic
{
    /// <summary>Analytic id of API.md §4.0.</summary>
    string Analytic { get; }

    /// <summary>`meta.subject.type` of the stored rows (learner, trainer, organisation, …).</summary>
    string SubjectType { get; }

    /// <summary>Role family of the stored rows.</summary>
    string Role { get; }

    /// <summary>
    /// Position in the nightly run: analytics that read other analytics' snapshots (ANALYTICS.md §0.7 "inputs from other
    /// analytics") run after those. Learner analytics are 0, trainer analytics 1.
    /// </summary>
    int Stage { get; }

    /// <summary>
    /// Whether the nightly run recomputes every subject's stored view. An analytic whose per-subject cost would take the run past
    /// its budget at 100,000 learners says false: its view is computed on the first read (and on refresh) and kept like any
    /// other; a recalculation that names it still runs it.
    /// </summary>
    bool InNightlyRun => true;

    /// <summary>Computes the default view for each subject; one subject's failure does not fail the others.</summary>
    Task<IReadOnlyList<SnapshotComputation>> ComputeAsync(IServiceProvider services, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken);
}

/// <summary>One subject's outcome: a result, or the error that prevented it.</summary>
public sealed record SnapshotComputation(string SubjectId, IAnalyticResult? Result, int ComputeMs, Exception? Error);
