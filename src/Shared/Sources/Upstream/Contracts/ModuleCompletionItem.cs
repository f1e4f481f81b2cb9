namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Course Builder `GET /organizations/{orgId}/module-completions`: a learner completed a module (topic).</summary>
public sealed record ModuleCompletionItem(
    string? UserId,
    string? ModuleId,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
