using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Scheduling;

namespace Analytics.Tests.Shared.Scheduling;

/// <summary>Which stored analytics a recalculation runs: every nightly one, or exactly those a manual run names.</summary>
public sealed class RecalculationPassTests
{
    private static readonly ISnapshotAnalytic[] Analytics =
    [
        new Fake("velocity", "learner", 0, true),
        new Fake("drop-off-risk", "learner", 1, false),
        new Fake("course-health", "trainer", 1, true),
    ];

    [Test]
    public void Plan_WithoutNames_LeavesOutTheAnalyticsThatAreNotInTheNightlyRun()
    {
        var passes = RecalculationPass.Plan(Analytics, null);

        Assert.That(passes.SelectMany(p => p.Analytics).Select(a => a.Analytic), Is.EquivalentTo(new[] { "velocity", "course-health" }));
    }

    [Test]
    public void Plan_NamingAnAnalyticOutsideTheNightlyRun_RunsIt()
    {
        var passes = RecalculationPass.Plan(Analytics, ["drop-off-risk"]);

        Assert.That(passes.SelectMany(p => p.Analytics).Select(a => a.Analytic), Is.EqualTo(new[] { "drop-off-risk" }));
    }

    private sealed record Fake(string Analytic, string SubjectType, int Stage, bool InNightlyRun) : ISnapshotAnalytic
    {
        public string Role => RoleFamilies.FamilyOf(SubjectType);

        public Task<IReadOnlyList<SnapshotComputation>> ComputeAsync(IServiceProvider services, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SnapshotComputation>>([]);
    }
}
