namespace Analytics.Api.Features.Privacy.Shared;

/// <summary>One ops.audit_log row of a privacy action; subject type is always `user`.</summary>
public sealed record PrivacyAuditEntry(
    DateTimeOffset OccurredAt, string ActorRef, string? ActorRole, string Action, string SubjectRef, string? RequestId, string DetailsJson);
