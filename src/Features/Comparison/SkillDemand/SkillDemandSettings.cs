namespace Analytics.Api.Features.Comparison.SkillDemand;

/// <summary>`Analytics:SkillDemand:*` with the defaults of ANALYTICS.md §4.2: the weights of e, v and p, and the ±5 % trend band.</summary>
public sealed record SkillDemandSettings(
    double EnrolmentWeight = 0.40, double TargetWeight = 0.35, double PathWeight = 0.25, double TrendThreshold = 0.05)
{
    public static SkillDemandSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Analytics:SkillDemand");
        var weights = section.GetSection("Weights");
        var d = new SkillDemandSettings();
        return new SkillDemandSettings(
            weights.GetValue("Enrolments", d.EnrolmentWeight),
            weights.GetValue("Targets", d.TargetWeight),
            weights.GetValue("Paths", d.PathWeight),
            section.GetValue("TrendThreshold", d.TrendThreshold));
    }
}
