namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.topic_completions (the store keeps the earliest completed_at of a user and topic).</summary>
public readonly record struct TopicCompletionRecord(string UserId, string TopicId, DateTimeOffset CompletedAt);
