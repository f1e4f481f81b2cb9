namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.help_requests (DATA_MODEL.md §1.5): metadata only, never the question.</summary>
public readonly record struct HelpRequestRecord(string Id, string UserId, string? CourseId, DateTimeOffset AskedAt);
