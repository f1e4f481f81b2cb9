namespace Analytics.Api.Features.LearnerAnalytics.SkillGap;

/// <summary>`Analytics:SkillGap:*` with the defaults of ANALYTICS.md §1.2 (weights of the priority, the neutral market demand).</summary>
public sealed record SkillGapSettings(
    double GapWeight = 0.25,
    double BusinessWeight = 0.30,
    double MarketDemandWeight = 0.20,
    double PrerequisitesWeight = 0.15,
    double CareerWeight = 0.10,
    double NeutralDemand = 50)
{
    public static SkillGapSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Analytics:SkillGap");
        var weights = section.GetSection("Weights");
        var defaults = new SkillGapSettings();
        return new SkillGapSettings(
            weights.GetValue("Gap", defaults.GapWeight),
            weights.GetValue("Business", defaults.BusinessWeight),
            weights.GetValue("MarketDemand", defaults.MarketDemandWeight),
            weights.GetValue("Prerequisites", defaults.PrerequisitesWeight),
            weights.GetValue("Career", defaults.CareerWeight),
            section.GetValue("NeutralDemand", defaults.NeutralDemand));
    }
}
