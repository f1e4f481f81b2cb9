using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Gamification.Stats;

/// <summary>
/// A learner's gamification stats as a computable analytic, so reports (template `learner-full`) and refreshes can include it; the
/// ledger itself is rebuilt by its own jobs, so the nightly analytics run skips it.
/// </summary>
public sealed class GamificationStatsSnapshot : HandlerSnapshotAnalytic<StatsQuery, StatsPayload, StatsHandler>
{
    public override string Analytic => "gamification";

    public override string SubjectType => "learner";

    public override bool InNightlyRun => false;

    protected override StatsQuery DefaultQuery(string subjectId) => new(subjectId);
}
