namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A department; technical ones (Engineering, QA) get more DevLab practice (SOURCES.md §2.4).</summary>
public sealed record DepartmentPlan(string Id, string Name, bool IsTechnical);
