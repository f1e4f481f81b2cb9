namespace Analytics.Api.Features.Operations.Capabilities;

public sealed record CapabilitiesResponse(string? OrganisationId, string SourceMode, IReadOnlyList<AnalyticCapability> Analytics);
