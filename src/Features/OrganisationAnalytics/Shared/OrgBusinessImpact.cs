namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`businessImpact` of ANALYTICS.md §3.4: each key is the value of the organisation's `kpis` row of that name, else null.</summary>
public sealed record OrgBusinessImpact(
    double? RevenuePerEmployee,
    double? CostSavings,
    double? TimeToMarket,
    double? CustomerSatisfaction,
    double? EmployeeSatisfaction);
