using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>
/// `GET /learner/analytics/performance/{userId}?courseId=` (API.md §4.1; ANALYTICS.md §1.5). A `courseId` narrows every figure to
/// that course; it must be a course of the subject (an enrolment of any status), else 403 ACCESS_DENIED (API.md §3.4).
/// </summary>
public sealed record PerformanceQuery(string UserId, string? CourseId)
    : IQuery<AnalyticResult<PerformancePayload>>, ISubjectScoped, ICacheableQuery
{
    public SubjectArea Area => SubjectArea.LearnerAnalytics;

    public string SubjectId => UserId;

    /// <summary>The course filter, or null for all the learner's assessments (an empty value counts as absent).</summary>
    public string? EffectiveCourseId => string.IsNullOrEmpty(CourseId) ? null : CourseId;

    public string CacheKey => IsFiltered
        ? $"analytics:learner:{UserId}:learner:performance:courseId={EffectiveCourseId}"
        : $"analytics:learner:{UserId}:learner:performance";

    public CacheCategory Category => CacheCategory.Learner;

    public bool IsFiltered => EffectiveCourseId is not null;

    public SnapshotKey? Snapshot => IsFiltered ? null : SnapshotKey.Learner(UserId, "performance");
}
