namespace Analytics.Api.Features.Predictive.Recommendations;

/// <summary>
/// `Analytics:Recommendations:*` (ANALYTICS.md §5.3): the default number of items (`MaxItems`, 10), the item URL template
/// (`{itemType}` and `{itemId}` are filled; unset = null URLs), and the thresholds of the cohort rules.
/// </summary>
public sealed record RecommendationsSettings(
    int MaxItems,
    string? ItemUrlTemplate,
    double LowRating,
    double DropOffRatePct,
    double ComplianceTargetPct,
    double ParticipationTargetPct)
{
    public static RecommendationsSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Analytics:Recommendations");
        return new RecommendationsSettings(
            Math.Clamp(section.GetValue("MaxItems", 10), 1, 50),
            section.GetValue<string?>("ItemUrlTemplate"),
            section.GetValue("LowRating", 3.5),
            section.GetValue("DropOffRatePct", 20.0),
            section.GetValue("ComplianceTargetPct", 80.0),
            section.GetValue("ParticipationTargetPct", 50.0));
    }
}
