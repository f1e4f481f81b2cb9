namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>A row of `topPerformingContent` / `underperformingContent`: one item's effectiveness (ratio); rating is always null.</summary>
public sealed record ContentItemEffectiveness(string Id, string Title, string Type, double Effectiveness, double? Rating);
