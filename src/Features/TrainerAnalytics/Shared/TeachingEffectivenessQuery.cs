using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`GET /trainer/analytics/teaching-effectiveness/{trainerId}?courseId=` (API.md §4.2; ANALYTICS.md §2.4); no courseId = every taught course.</summary>
public sealed record TeachingEffectivenessQuery(string TrainerId, string? CourseId, string? OrganisationScope)
    : IQuery<AnalyticResult<TeachingEffectivenessPayload>>, ISubjectScoped, ICacheableQuery
{
    public SubjectArea Area => SubjectArea.TrainerAnalytics;

    public string SubjectId => TrainerId;

    public string CacheKey =>
        $"analytics:trainer:{TrainerId}:trainer:teaching-effectiveness{TrainerViewer.CacheSegment(OrganisationScope)}:{CourseId ?? "all-courses"}";

    public CacheCategory Category => CacheCategory.Trainer;

    public bool IsFiltered => CourseId is not null;

    /// <summary>Only the trainer's own view is stored; an org-admin's narrowed view lives in memory.</summary>
    public SnapshotKey? Snapshot => IsFiltered || OrganisationScope is not null ? null : SnapshotKey.Trainer(TrainerId, "teaching-effectiveness");
}
