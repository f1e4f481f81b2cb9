namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>The five 0–100 components of course health (ANALYTICS.md §2.2); null when a component has no data or is below k.</summary>
public sealed record HealthComponents(double? Completion, double? Engagement, double? Satisfaction, double? Performance, double? Retention);
