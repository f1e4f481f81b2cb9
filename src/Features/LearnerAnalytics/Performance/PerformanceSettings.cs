namespace Analytics.Api.Features.LearnerAnalytics.Performance;

/// <summary>`Analytics:Performance:*` with the defaults of ANALYTICS.md §1.5.</summary>
public sealed record PerformanceSettings(double TargetScorePct = 80, double TrendSlope = 2, double ProjectionStep = 5)
{
    public static PerformanceSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Analytics:Performance");
        var defaults = new PerformanceSettings();
        return new PerformanceSettings(
            section.GetValue("TargetScorePct", defaults.TargetScorePct),
            section.GetValue("TrendSlope", defaults.TrendSlope),
            section.GetValue("ProjectionStep", defaults.ProjectionStep));
    }
}
