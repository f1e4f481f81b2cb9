namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>An `interventionRecommendations[]` row: a suggestion only; the service records and sends nothing.</summary>
public sealed record DropOffIntervention(string Type, string Priority, string Description, string Action, string Timeline);
