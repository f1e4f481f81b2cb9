using Analytics.Api.Features.OrganisationAnalytics.Shared;

namespace Analytics.Api.Features.OrganisationAnalytics.OrgPerformance;

/// <summary>What <see cref="OrgPerformanceCalculator"/> needs: the organisation's size, k, KPIs, SQL rows and the peer benchmark values.</summary>
public sealed record OrgPerformanceInput(
    DateOnly AsOf,
    int Employees,
    int MinGroupSize,
    IReadOnlyList<OrganisationKpi> Kpis,
    IReadOnlyList<OrgPerformanceRow> Rows,
    IReadOnlyList<double> PeerPerformances);
