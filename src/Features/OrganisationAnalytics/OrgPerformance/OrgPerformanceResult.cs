using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.OrgPerformance;

/// <summary>The payload and, when anything was withheld, the envelope's `meta.suppression`.</summary>
public sealed record OrgPerformanceResult(OrgPerformancePayload Payload, SuppressionInfo? Suppression);
