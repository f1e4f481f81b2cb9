namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>A module of a Course Builder course: a topic of the store.</summary>
public sealed record CourseModule(string? Id, string? Title, int? Position);
