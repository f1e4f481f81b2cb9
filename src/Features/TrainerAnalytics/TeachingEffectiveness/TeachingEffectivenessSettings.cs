namespace Analytics.Api.Features.TrainerAnalytics.TeachingEffectiveness;

/// <summary>`Analytics:TeachingEffectiveness:*` with the defaults of ANALYTICS.md §2.4.</summary>
public sealed record TeachingEffectivenessSettings(
    double SatisfactionWeight = 0.35,
    double PassRateWeight = 0.35,
    double CompletionWeight = 0.30,
    double StrengthZ = 0.5,
    double CompletionTargetPct = 75,
    double PassRateTargetPct = 80,
    double RatingTarget = 4.0,
    double RatingTrendBand = 0.2)
{
    public static TeachingEffectivenessSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Analytics:TeachingEffectiveness");
        var weights = section.GetSection("Weights");
        var d = new TeachingEffectivenessSettings();
        return new TeachingEffectivenessSettings(
            weights.GetValue("Satisfaction", d.SatisfactionWeight),
            weights.GetValue("PassRate", d.PassRateWeight),
            weights.GetValue("Completion", d.CompletionWeight),
            section.GetValue("StrengthZ", d.StrengthZ),
            section.GetValue("CompletionTargetPct", d.CompletionTargetPct),
            section.GetValue("PassRateTargetPct", d.PassRateTargetPct),
            section.GetValue("RatingTarget", d.RatingTarget),
            section.GetValue("RatingTrendBand", d.RatingTrendBand));
    }
}
