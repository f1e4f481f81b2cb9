namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A skill; prerequisites point only to lower indices, so they form a DAG.</summary>
public sealed record SkillPlan(string Id, string Name, string Category, short MarketDemand, IReadOnlyList<int> Prerequisites);
