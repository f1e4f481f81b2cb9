using Analytics.Api.Shared.Freshness;

namespace Analytics.Tests.Features.Refresh;

/// <summary>
/// A learner-family analytic that waits for the test to open its gate, so a running job can be observed mid-way. It reports a
/// failure for its own part (no payload), which also shows per-analytic results. It takes the id of the gamification analytic,
/// whose registration the test removes (one analytic per id in the registry; the refresh API only accepts the ids of API.md §4.0).
/// </summary>
public sealed class GatedAnalytic(SemaphoreSlim gate) : ISnapshotAnalytic
{
    public string Analytic => "gamification";

    public string SubjectType => "learner";

    public string Role => "learner";

    public int Stage => 0;

    public async Task<IReadOnlyList<SnapshotComputation>> ComputeAsync(
        IServiceProvider services, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return subjectIds.Select(id => new SnapshotComputation(id, null, 0, new InvalidOperationException("gated"))).ToArray();
    }
}
