namespace Analytics.Api.Features.OrganisationAnalytics.LearningCulture;

/// <summary>A row of LearningCulture.Scope.sql: the organisation's k override, weights override, department check and supplied kinds.</summary>
public sealed record LearningCultureScope(
    int? OrganisationMinGroupSize,
    string? OrganisationWeights,
    bool DepartmentInScope,
    bool ProvidesContributions,
    bool ProvidesMentoring);
