namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Content Studio `GET /organizations/{orgId}/contributions`: content a learner created or shared.</summary>
public sealed record ContributionItem(
    string? UserId,
    string? ContentId,
    string? Kind,
    DateTimeOffset? At,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
