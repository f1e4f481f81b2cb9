namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Learner AI `GET /organizations/{orgId}/learning-paths`: `steps` is the complete ordered set of the path.</summary>
public sealed record LearningPathItem(
    string? Id,
    string? UserId,
    string? Title,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<LearningPathStep>? Steps,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
