namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>A step of a learning path: a module at a position.</summary>
public sealed record LearningPathStep(int? Order, string? ModuleId);
