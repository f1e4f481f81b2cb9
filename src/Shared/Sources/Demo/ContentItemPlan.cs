namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A content item of a course.</summary>
public sealed record ContentItemPlan(string Id, int Topic, string Title, ContentType Type, bool AiCreated, int? DurationSeconds);
