namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

/// <summary>A learning path of the learner.</summary>
public sealed record MasteryPathRow(string PathId, string Title);
