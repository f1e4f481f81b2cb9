namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`model` of an at-risk list: `{id, kind, version}` of the scorer's model card.</summary>
public sealed record AtRiskModel(string? Id, string Kind, string Version);
