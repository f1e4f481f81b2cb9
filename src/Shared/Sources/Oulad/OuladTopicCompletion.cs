namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>A learner completes a block on the day they submit its assessment (not banked).</summary>
public sealed record OuladTopicCompletion(string UserId, string TopicId, DateTimeOffset CompletedAt);
