namespace Analytics.Api.Features.OrganisationAnalytics.LearningCulture;

/// <summary>Everything the calculator reads: the subject's facts, its k and supplied kinds, and the other organisations' maturity inputs.</summary>
public sealed record LearningCultureInput(
    DateOnly AsOf,
    int MinGroupSize,
    LearningCultureFacts Facts,
    bool ProvidesContributions,
    bool ProvidesMentoring,
    IReadOnlyList<LearningCultureOrganisation> OtherOrganisations);
