namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>`marketInsights[]`: an observation on the demand figures, its priority (high|medium|low) and what to do.</summary>
public sealed record MarketInsight(string Insight, string Priority, string Recommendation);
