namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>One weekly point of `masteryHistory`: the share of the current target set mastered by that date.</summary>
public sealed record MasteryPoint(DateOnly Date, double Mastery);
