namespace Analytics.Api.Shared.Analytics;

/// <summary>Cache categories of ANALYTICS.md §0.7, each with its own memory lifetime.</summary>
public enum CacheCategory
{
    Learner,
    Trainer,
    Organisation,
    Comparison,
    SkillDemand,
    Predictive,
    Recommendations,
    Gamification,
}
