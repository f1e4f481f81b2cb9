namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.topics: a Course Builder module (a replace-set per course).</summary>
public readonly record struct TopicRecord(string Id, string CourseId, string Title, int Position);
