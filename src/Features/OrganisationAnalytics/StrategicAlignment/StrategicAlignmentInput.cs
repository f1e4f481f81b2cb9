using Analytics.Api.Features.OrganisationAnalytics.Shared;

namespace Analytics.Api.Features.OrganisationAnalytics.StrategicAlignment;

/// <summary>What <see cref="StrategicAlignmentCalculator"/> needs: the scope (organisation or department), k, the KPIs and the SQL rows.</summary>
public sealed record StrategicAlignmentInput(
    DateOnly AsOf,
    string? DepartmentId,
    int Employees,
    int MinGroupSize,
    IReadOnlyList<OrganisationKpi> Kpis,
    IReadOnlyList<AlignmentRow> Rows);
