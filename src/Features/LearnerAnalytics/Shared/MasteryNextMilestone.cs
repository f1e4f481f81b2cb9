namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>`nextMilestone`: progress = overall/threshold, remaining = 1 − progress (ratios).</summary>
public sealed record MasteryNextMilestone(string Name, double Progress, double Remaining);
