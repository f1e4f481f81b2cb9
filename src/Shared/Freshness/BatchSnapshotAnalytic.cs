using System.Diagnostics;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// A snapshot analytic computed set-based for a whole chunk of subjects (CONVENTIONS.md, SQL: set-based over loops): the slice's
/// handler reads every subject's rows in one round trip and runs its pure calculator per subject. The handler is called
/// directly, outside the mediator pipeline, like <see cref="HandlerSnapshotAnalytic{TQuery, TPayload, THandler}"/>.
/// </summary>
public abstract class BatchSnapshotAnalytic<TPayload, THandler> : ISnapshotAnalytic
    where TPayload : AnalyticPayload
    where THandler : class
{
    public abstract string Analytic { get; }

    public abstract string SubjectType { get; }

    public string Role => RoleFamilies.FamilyOf(SubjectType);

    public virtual int Stage => 0;

    public async Task<IReadOnlyList<SnapshotComputation>> ComputeAsync(
        IServiceProvider services, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        if (subjectIds.Count == 0)
        {
            return [];
        }

        var handler = ActivatorUtilities.GetServiceOrCreateInstance<THandler>(services);
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<SubjectOutcome<TPayload>> outcomes;
        try
        {
            outcomes = await ComputeDefaultAsync(handler, subjectIds, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The shared read failed: every subject of the chunk reports it.
            var elapsed = ElapsedMs(started, 1);
            return subjectIds.Select(id => new SnapshotComputation(id, null, elapsed, exception)).ToArray();
        }

        // The read is shared, so each subject is charged an equal part of the chunk's time.
        var each = ElapsedMs(started, subjectIds.Count);
        return outcomes.Select(o => new SnapshotComputation(o.SubjectId, o.Result, each, o.Error)).ToArray();
    }

    /// <summary>The default view (no filter parameters) of every subject, one outcome per id in order.</summary>
    protected abstract Task<IReadOnlyList<SubjectOutcome<TPayload>>> ComputeDefaultAsync(
        THandler handler, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken);

    private static int ElapsedMs(long started, int subjects) =>
        (int)Math.Ceiling(Stopwatch.GetElapsedTime(started).TotalMilliseconds / subjects);
}
