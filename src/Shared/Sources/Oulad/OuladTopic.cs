namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>A derived block (SOURCES.md §4.2 <c>--derive-topics</c>): "Block n" of a presentation, closed by its n-th TMA/CMA.</summary>
public sealed record OuladTopic(string Id, string CourseId, string Title, int Position);
