namespace Analytics.Api.Features.Privacy.Shared;

/// <summary>A subject whose stored analytics counted or named a person; a null analytic stands for every analytic of the subject type.</summary>
public sealed record RecomputeTarget(string SubjectType, string SubjectId, string Role, string? Analytic);
