namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>A content item of a course in scope, with the titles its display name falls back to.</summary>
public sealed record ContentItem(
    string Id,
    string CourseId,
    string? TopicId,
    string? Title,
    string Type,
    string? CreationMethod,
    int? DurationSeconds,
    string? TopicTitle,
    string CourseTitle);
