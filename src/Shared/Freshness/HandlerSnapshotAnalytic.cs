using System.Diagnostics;
using Analytics.Api.Shared.Analytics;
using Mediator;

namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// A snapshot analytic computed subject by subject through the slice's own handler, called directly (outside the mediator
/// pipeline: a system computation has no caller to authorise and must not read the caches it refreshes).
/// </summary>
public abstract class HandlerSnapshotAnalytic<TQuery, TPayload, THandler> : ISnapshotAnalytic
    where TQuery : IQuery<AnalyticResult<TPayload>>
    where TPayload : AnalyticPayload
    where THandler : IQueryHandler<TQuery, AnalyticResult<TPayload>>
{
    public abstract string Analytic { get; }

    public abstract string SubjectType { get; }

    public string Role => RoleFamilies.FamilyOf(SubjectType);

    public virtual int Stage => 0;

    /// <inheritdoc cref="ISnapshotAnalytic.InNightlyRun"/>
    public virtual bool InNightlyRun => true;

    /// <summary>The message of the default view (no filter parameters) for one subject.</summary>
    protected abstract TQuery DefaultQuery(string subjectId);

    public async Task<IReadOnlyList<SnapshotComputation>> ComputeAsync(
        IServiceProvider services, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken)
    {
        var handler = ActivatorUtilities.GetServiceOrCreateInstance<THandler>(services);
        var results = new List<SnapshotComputation>(subjectIds.Count);
        foreach (var subjectId in subjectIds)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var result = await handler.Handle(DefaultQuery(subjectId), cancellationToken);
                results.Add(new SnapshotComputation(subjectId, result, ElapsedMs(started), null));
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                results.Add(new SnapshotComputation(subjectId, null, ElapsedMs(started), exception));
            }
        }

        return results;
    }

    private static int ElapsedMs(long started) => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
