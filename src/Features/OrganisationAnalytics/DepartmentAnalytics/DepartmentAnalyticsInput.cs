namespace Analytics.Api.Features.OrganisationAnalytics.DepartmentAnalytics;

/// <summary>What the calculator needs: the organisation, asOf, k, the requested department (if any) and the statement's rows.</summary>
public sealed record DepartmentAnalyticsInput(
    string OrganisationId,
    DateOnly AsOf,
    int MinGroupSize,
    string? RequestedDepartmentId,
    IReadOnlyList<DepartmentFigures> Departments,
    int SuppressedSegments);
