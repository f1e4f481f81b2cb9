namespace Analytics.Api.Features.OrganisationAnalytics.OrgPerformance;

/// <summary>
/// The organisation row (<see cref="IsOrganisation"/>) or one department's row of OrgPerformance.sql. Figures over fewer than
/// k people arrive null; a group below k arrives with only its names and <see cref="Suppressed"/>. The last three columns are set
/// on the organisation row only.
/// </summary>
public sealed record OrgPerformanceRow(
    bool IsOrganisation,
    string? DepartmentId,
    string? DepartmentName,
    bool Suppressed,
    int? Employees,
    int? ActiveNow,
    int? ActiveAcquiredNow,
    int? ActivePrev,
    int? ActiveAcquiredPrev,
    int? FinishedNow,
    int? CompletedNow,
    int? FinishedPrev,
    int? CompletedPrev,
    double? Engagement,
    double? MedianDaysToSkill,
    int? UnmetPairsNow,
    int? UnmetPairsBefore);
