namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>An assessment; <see cref="DueFraction"/> places it in the course (self-paced courses have no due date).</summary>
public sealed record AssessmentPlan(string Id, int Topic, string Title, string Kind, double DueFraction, DateOnly? DueOn, decimal Weight);
