namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// An at-risk row (API.md §4.4 `items[]`; a cohort's `atRiskLearners[]`): one scored enrolment, its risk, band (riskLevel in
/// lower case), the risk-raising factors, the last progress day and the enrolment's status.
/// </summary>
public sealed record AtRiskItem(
    string UserId,
    string DisplayName,
    string CourseId,
    string CourseTitle,
    int RiskScore,
    string Band,
    IReadOnlyList<AtRiskTopFactor> TopFactors,
    DateOnly? LastActivityAt,
    string EnrolmentStatus);
