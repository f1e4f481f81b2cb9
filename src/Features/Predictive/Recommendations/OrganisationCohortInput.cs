using Analytics.Api.Features.OrganisationAnalytics.Shared;

namespace Analytics.Api.Features.Predictive.Recommendations;

/// <summary>What the org-cohort rules of ANALYTICS.md §5.3 read: the organisation's current #12, #11 and #13 results.</summary>
public sealed record OrganisationCohortInput(
    StrategicAlignmentPayload? StrategicAlignment,
    LearningVelocityPayload? LearningVelocity,
    LearningCulturePayload? LearningCulture);
