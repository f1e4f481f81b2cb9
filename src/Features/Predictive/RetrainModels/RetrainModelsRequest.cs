namespace Analytics.Api.Features.Predictive.RetrainModels;

/// <summary>The body as sent: `{analytic: "drop-off-risk", organisationId?}` (API.md §4.4).</summary>
public sealed record RetrainModelsRequest(string? Analytic, string? OrganisationId);
