namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>The validated query filters: one course, one content type, one creation method, and the period bounds.</summary>
public sealed record ContentEffectivenessFilter(
    string? CourseId = null,
    string? ContentType = null,
    string? CreationMethod = null,
    DateOnly? From = null,
    DateOnly? To = null);
