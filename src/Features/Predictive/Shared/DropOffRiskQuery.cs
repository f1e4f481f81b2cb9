using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// `GET /predictive/drop-off-risk/{id}?courseId=` (API.md §4.4; ANALYTICS.md §5.1). <paramref name="SubjectType"/> is what the id
/// means for the caller (<see cref="CohortSubjects.Resolve"/>: learner, trainer-cohort or org-cohort), resolved by the endpoint;
/// it is part of the cache key. `courseId` limits the answer to one enrolment (learner) or one course of the cohort.
/// </summary>
public sealed record DropOffRiskQuery(string Id, string SubjectType, string? CourseId = null)
    : IQuery<AnalyticResult<DropOffRiskPayload>>, ISubjectScoped, ICacheableQuery
{
    public const string Analytic = "drop-off-risk";

    public SubjectArea Area => SubjectArea.PersonOrCohort;

    /// <summary>
    /// Whether the engagement inputs a read had to compute (ANALYTICS.md §0.7) are stored as snapshots. The nightly learner pass
    /// passes false: its own chunk commit writes the engagement snapshots with the run's job id.
    /// </summary>
    public bool ComputeMissingInputs { get; init; } = true;

    public string SubjectId => Id;

    public string RoleFamily => RoleFamilies.FamilyOf(SubjectType);

    public string CacheKey => string.IsNullOrEmpty(CourseId)
        ? $"analytics:{SubjectType}:{Id}:{RoleFamily}:{Analytic}"
        : $"analytics:{SubjectType}:{Id}:{RoleFamily}:{Analytic}:course={CourseId}";

    public CacheCategory Category => CacheCategory.Predictive;

    public bool IsFiltered => !string.IsNullOrEmpty(CourseId);

    public SnapshotKey? Snapshot => IsFiltered ? null : new SnapshotKey(SubjectType, Id, RoleFamily, Analytic);
}
