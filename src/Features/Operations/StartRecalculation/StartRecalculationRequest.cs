namespace Analytics.Api.Features.Operations.StartRecalculation;

/// <summary>The body as sent: `{organisationId?, analytics?}`; an empty body recalculates everything.</summary>
public sealed record StartRecalculationRequest(string? OrganisationId, IReadOnlyList<string>? Analytics);
