namespace Analytics.Api.Features.Operations.IntegrationHealth;

/// <summary>One entity's sync facts (over all its scopes) as read from ops.sync_state.</summary>
public sealed record IntegrationSyncState(
    string Entity,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastStartedAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    long FailingScopes,
    long Scopes,
    long? RowsLast);
