namespace Analytics.Api.Features.Privacy.Shared;

/// <summary>One ops.privacy_requests row (kind `export` or `erasure`).</summary>
public sealed record PrivacyRequestEntry(
    Guid Id,
    string Kind,
    string? SubjectId,
    byte[] SubjectHash,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string Status,
    DateTimeOffset? CompletedAt,
    string? DetailsJson);
