using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>The stored default view of `forecast` per learner (no course, no scenario), stage 1 as the predictive brief orders it.</summary>
public sealed class ForecastSnapshot : HandlerSnapshotAnalytic<ForecastQuery, ForecastPayload, ForecastHandler>
{
    public override string Analytic => ForecastQuery.Analytic;

    public override string SubjectType => CohortSubjects.Learner;

    public override int Stage => 1;

    protected override ForecastQuery DefaultQuery(string subjectId) => new(subjectId, CohortSubjects.Learner);
}
