namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>`Analytics:ContentEffectiveness:*` with the constants of ANALYTICS.md §1.6 as defaults.</summary>
public sealed record ContentEffectivenessSettings(
    double TopEffectiveness = 0.8,
    double LowEffectiveness = 0.6,
    double CompletionMinutesShare = 0.8,
    int EngagementDays = 30,
    double HigherAfterMargin = 0.10,
    double HigherAfterMaxCompletion = 0.5,
    double LowCompletion = 0.3,
    int LowCompletionMinItems = 3)
{
    public static ContentEffectivenessSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Analytics:ContentEffectiveness");
        var defaults = new ContentEffectivenessSettings();
        return new ContentEffectivenessSettings(
            section.GetValue("TopEffectiveness", defaults.TopEffectiveness),
            section.GetValue("LowEffectiveness", defaults.LowEffectiveness),
            section.GetValue("CompletionMinutesShare", defaults.CompletionMinutesShare),
            section.GetValue("EngagementDays", defaults.EngagementDays),
            section.GetValue("HigherAfterMargin", defaults.HigherAfterMargin),
            section.GetValue("HigherAfterMaxCompletion", defaults.HigherAfterMaxCompletion),
            section.GetValue("LowCompletion", defaults.LowCompletion),
            section.GetValue("LowCompletionMinItems", defaults.LowCompletionMinItems));
    }
}
