namespace Analytics.Api.Features.OrganisationAnalytics.OrgPerformance;

/// <summary>The four inputs of overallPerformance (ANALYTICS.md §3.4) as ratios 0–1; null = no data.</summary>
public sealed record PerformanceComponents(double? Completion, double? SkillDevelopment, double? KpiAchievement, double? Engagement)
{
    public IEnumerable<(string Name, double? Value)> Named()
    {
        yield return ("completion", Completion);
        yield return ("skillDevelopment", SkillDevelopment);
        yield return ("kpiAchievement", KpiAchievement);
        yield return ("engagement", Engagement);
    }
}
