namespace Analytics.Api.Features.TrainerAnalytics.TeachingEffectiveness;

/// <summary>(completed learner, course skill) pairs, those acquired after the enrolment, and the completed learners behind them.</summary>
public sealed record SkillAcquisition(int Pairs, int Acquired, int Learners);
