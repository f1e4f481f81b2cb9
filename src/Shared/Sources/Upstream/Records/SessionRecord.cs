namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.sessions (DATA_MODEL.md §1.2): a successful login, keyed by (user_id, started_at).</summary>
public readonly record struct SessionRecord(string UserId, DateTimeOffset StartedAt, int? DurationS);
