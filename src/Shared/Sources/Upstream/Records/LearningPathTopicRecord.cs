namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.learning_path_topics (a replace-set per path): the topic at a position of the path.</summary>
public readonly record struct LearningPathTopicRecord(string PathId, int Position, string TopicId);
