namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Content Studio `GET /organizations/{orgId}/usage/daily`: the full total of one (learner, course, content, local day), never a delta.</summary>
public sealed record DailyUsageItem(
    string? UserId,
    string? CourseId,
    string? ContentId,
    DateOnly? Date,
    int? Events,
    int? Seconds,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
