namespace Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>The number of progress units (ANALYTICS.md §0.4) the employees first completed on one local day.</summary>
public sealed record UnitCompletionDay(DateOnly Day, int Completions);
