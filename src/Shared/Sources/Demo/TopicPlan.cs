namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A topic of a course: its content items are <c>Items[FirstItem .. FirstItem + ItemCount)</c> of the course.</summary>
public sealed record TopicPlan(string Id, string Title, int Position, IReadOnlyList<int> Skills, int FirstItem, int ItemCount);
