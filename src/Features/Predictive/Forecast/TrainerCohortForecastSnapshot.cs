using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>
/// The stored `forecast` of a trainer cohort (after the learner forecasts it reads). Refresh jobs recompute it; the nightly run
/// walks only learner, trainer and organisation subjects.
/// </summary>
public sealed class TrainerCohortForecastSnapshot : HandlerSnapshotAnalytic<ForecastQuery, ForecastPayload, ForecastHandler>
{
    public override string Analytic => ForecastQuery.Analytic;

    public override string SubjectType => CohortSubjects.TrainerCohort;

    public override int Stage => 2;

    protected override ForecastQuery DefaultQuery(string subjectId) => new(subjectId, CohortSubjects.TrainerCohort);
}
