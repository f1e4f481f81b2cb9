using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// `GET /trainer/analytics/student-distribution/{trainerId}?courseId=&amp;moduleId=&amp;attemptsBucket=` (API.md §4.2; ANALYTICS.md
/// §2.3); no courseId = the primary course, moduleId a topic of that course, attemptsBucket 1, 2, 3 or 4plus.
/// </summary>
public sealed record StudentDistributionQuery(string TrainerId, string? CourseId, string? ModuleId, string? AttemptsBucket, string? OrganisationScope)
    : IQuery<AnalyticResult<StudentDistributionPayload>>, ISubjectScoped, ICacheableQuery
{
    public static readonly IReadOnlyList<string> AttemptsBuckets = ["1", "2", "3", "4plus"];

    public SubjectArea Area => SubjectArea.TrainerAnalytics;

    public string SubjectId => TrainerId;

    public string CacheKey =>
        $"analytics:trainer:{TrainerId}:trainer:student-distribution{TrainerViewer.CacheSegment(OrganisationScope)}"
        + $":{CourseId ?? "primary"}:{ModuleId ?? "all-modules"}:{AttemptsBucket ?? "all-attempts"}";

    public CacheCategory Category => CacheCategory.Trainer;

    public bool IsFiltered => CourseId is not null || ModuleId is not null || AttemptsBucket is not null;

    /// <summary>Only the trainer's own view is stored; an org-admin's narrowed view lives in memory.</summary>
    public SnapshotKey? Snapshot => IsFiltered || OrganisationScope is not null ? null : SnapshotKey.Trainer(TrainerId, "student-distribution");
}
