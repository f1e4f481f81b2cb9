using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`GET /trainer/analytics/course-health/{trainerId}?courseId=` (API.md §4.2; ANALYTICS.md §2.2); no courseId = the primary course.</summary>
public sealed record CourseHealthQuery(string TrainerId, string? CourseId, string? OrganisationScope)
    : IQuery<AnalyticResult<CourseHealthPayload>>, ISubjectScoped, ICacheableQuery
{
    public SubjectArea Area => SubjectArea.TrainerAnalytics;

    public string SubjectId => TrainerId;

    public string CacheKey =>
        $"analytics:trainer:{TrainerId}:trainer:course-health{TrainerViewer.CacheSegment(OrganisationScope)}:{CourseId ?? "primary"}";

    public CacheCategory Category => CacheCategory.Trainer;

    public bool IsFiltered => CourseId is not null;

    /// <summary>Only the trainer's own view is stored; an org-admin's narrowed view lives in memory.</summary>
    public SnapshotKey? Snapshot => IsFiltered || OrganisationScope is not null ? null : SnapshotKey.Trainer(TrainerId, "course-health");
}
