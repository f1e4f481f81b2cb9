namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.learning_paths (DATA_MODEL.md §1.5).</summary>
public readonly record struct LearningPathRecord(string Id, string UserId, string Title, DateTimeOffset CreatedAt);
