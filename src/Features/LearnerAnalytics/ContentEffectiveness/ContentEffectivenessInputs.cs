namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>Everything the content-effectiveness calculator reads for one learner, as the query returns it.</summary>
public sealed record ContentEffectivenessInputs(
    IReadOnlyList<ContentEnrolment> Enrolments,
    IReadOnlyList<ContentItem> Items,
    IReadOnlyList<ContentActivity> Activity,
    IReadOnlyList<ContentSubmission> Submissions,
    IReadOnlyList<DateOnly> ActiveDays);
