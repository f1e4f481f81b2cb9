using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningCulture;

/// <summary>The computed payload and, when figures were withheld, the envelope's `meta.suppression`.</summary>
public sealed record LearningCultureResult(LearningCulturePayload Payload, SuppressionInfo? Suppression);
