namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>RAG Assistant `GET /organizations/{orgId}/help-requests`: metadata only; the question text is neither requested nor stored.</summary>
public sealed record HelpRequestItem(
    string? Id,
    string? UserId,
    string? CourseId,
    DateTimeOffset? AskedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
