namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Learner AI `GET /organizations/{orgId}/recommendations`: one item per learner holding the learner's complete current set.</summary>
public sealed record RecommendationSetItem(
    string? UserId,
    DateTimeOffset? GeneratedAt,
    IReadOnlyList<RecommendedItem>? Items,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
