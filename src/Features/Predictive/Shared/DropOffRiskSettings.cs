namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// The configuration of drop-off risk (ANALYTICS.md §5.1) with its defaults: `Analytics:DropOff:MinDaysSinceStart`, the
/// transparent rule's weights and thresholds `Analytics:DropOff:Rule:*` (the same keys trainer analytics read), and the label.
/// </summary>
public sealed record DropOffRiskSettings(
    int MinDaysSinceStart = 7,
    int LowEngagement = 50,
    int LowEngagementPoints = 40,
    double DeclineShare = 0.20,
    int DeclinePoints = 30,
    int NoProgressPoints = 30,
    string Label = "at-risk")
{
    public static DropOffRiskSettings From(IConfiguration configuration)
    {
        var dropOff = configuration.GetSection("Analytics:DropOff");
        var rule = dropOff.GetSection("Rule");
        var d = new DropOffRiskSettings();
        return new DropOffRiskSettings(
            dropOff.GetValue("MinDaysSinceStart", d.MinDaysSinceStart),
            rule.GetValue("LowEngagement", d.LowEngagement),
            rule.GetValue("LowEngagementPoints", d.LowEngagementPoints),
            rule.GetValue("DeclineShare", d.DeclineShare),
            rule.GetValue("DeclinePoints", d.DeclinePoints),
            rule.GetValue("NoProgressPoints", d.NoProgressPoints),
            dropOff.GetValue("Label", d.Label) ?? d.Label);
    }
}
