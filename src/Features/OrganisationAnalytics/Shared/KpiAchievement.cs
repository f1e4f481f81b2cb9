namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>
/// KPI achievement K of ANALYTICS.md §3.2 (catalog), read by `strategic-alignment` (a component of alignment) and
/// `org-performance` (K/100, §3.4): K = Σ weight·min(1, value/target) / Σ weight × 100 over the latest period of each KPI with
/// target &gt; 0. Higher is taken as better (the store has no direction column). A KPI without a value has no data and is left
/// out; no usable KPI (or a zero total weight) gives null, a missing component.
/// </summary>
public static class KpiAchievement
{
    /// <summary>The statement that reads the KPIs (parameter @organisationId), one row per KPI name at its latest period.</summary>
    public const string QueryName = "KpiAchievement.Kpis";

    public static double? Compute(IEnumerable<OrganisationKpi> kpis)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        double weighted = 0;
        double weights = 0;
        foreach (var kpi in kpis)
        {
            if (kpi.Target <= 0 || kpi.Value is not { } value || kpi.Weight < 0)
            {
                continue;
            }

            weighted += kpi.Weight * Math.Min(1, Math.Max(0, value / kpi.Target));
            weights += kpi.Weight;
        }

        return weights > 0 ? 100 * weighted / weights : null;
    }
}
