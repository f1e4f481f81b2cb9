using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// `GET /trainer/analytics/course-performance/{trainerId}?status=` (API.md §4.2; ANALYTICS.md §2.1). OrganisationScope is the
/// org-admin caller's organisation (only its courses are read), null for a trainer (<see cref="TrainerViewer"/>).
/// </summary>
public sealed record CoursePerformanceQuery(string TrainerId, string? Status, string? OrganisationScope)
    : IQuery<AnalyticResult<CoursePerformancePayload>>, ISubjectScoped, ICacheableQuery
{
    public const string ActiveCourses = "active";
    public const string AllCourses = "all";

    public SubjectArea Area => SubjectArea.TrainerAnalytics;

    public string SubjectId => TrainerId;

    public string EffectiveStatus => string.IsNullOrEmpty(Status) ? ActiveCourses : Status;

    public string CacheKey =>
        $"analytics:trainer:{TrainerId}:trainer:course-performance{TrainerViewer.CacheSegment(OrganisationScope)}:{EffectiveStatus}";

    public CacheCategory Category => CacheCategory.Trainer;

    public bool IsFiltered => EffectiveStatus != ActiveCourses;

    /// <summary>Only the trainer's own view is stored; an org-admin's narrowed view lives in memory.</summary>
    public SnapshotKey? Snapshot => IsFiltered || OrganisationScope is not null ? null : SnapshotKey.Trainer(TrainerId, "course-performance");
}
