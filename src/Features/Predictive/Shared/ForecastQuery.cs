using System.Globalization;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// `GET /predictive/forecast/{id}?courseId=&amp;weeklyStudyHours=&amp;breakWeeks=` (API.md §4.4; ANALYTICS.md §5.2).
/// <paramref name="SubjectType"/> is what the id means for the caller (<see cref="CohortSubjects.Resolve"/>: learner,
/// trainer-cohort or org-cohort), resolved by the endpoint; it is part of the cache key. The scenario inputs make the read a
/// live what-if: it is never the stored default view.
/// </summary>
public sealed record ForecastQuery(string Id, string SubjectType, string? CourseId = null, string? WeeklyStudyHours = null, string? BreakWeeks = null)
    : IQuery<AnalyticResult<ForecastPayload>>, ISubjectScoped, ICacheableQuery
{
    public const string Analytic = "forecast";

    public SubjectArea Area => SubjectArea.PersonOrCohort;

    public string SubjectId => Id;

    /// <summary>`weeklyStudyHours` as a number (the validator rejects anything else), null when not given.</summary>
    public double? Hours =>
        double.TryParse(WeeklyStudyHours, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && double.IsFinite(hours) ? hours : null;

    /// <summary>`breakWeeks` as an integer (the validator rejects anything else), null when not given.</summary>
    public int? Breaks => int.TryParse(BreakWeeks, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) ? weeks : null;

    /// <summary>A scenario input was given (API.md §4.4: the read is live, not the stored default view).</summary>
    public bool IsScenario => !string.IsNullOrEmpty(WeeklyStudyHours) || !string.IsNullOrEmpty(BreakWeeks);

    public string RoleFamily => RoleFamilies.FamilyOf(SubjectType);

    public string CacheKey
    {
        get
        {
            var key = $"analytics:{SubjectType}:{Id}:{RoleFamily}:{Analytic}";
            if (!string.IsNullOrEmpty(CourseId))
            {
                key += $":course={CourseId}";
            }

            if (Hours is { } hours)
            {
                key += string.Create(CultureInfo.InvariantCulture, $":hours={hours:R}");
            }

            if (Breaks is { } breaks)
            {
                key += string.Create(CultureInfo.InvariantCulture, $":breaks={breaks}");
            }

            return key;
        }
    }

    public CacheCategory Category => CacheCategory.Predictive;

    public bool IsFiltered => IsScenario || !string.IsNullOrEmpty(CourseId);

    public SnapshotKey? Snapshot => IsFiltered ? null : new SnapshotKey(SubjectType, Id, RoleFamily, Analytic);
}
