namespace Analytics.Api.Features.Comparison.SkillDemand;

/// <summary>
/// The demand signals of one skill (ANALYTICS.md §4.2): e and e of the previous window, v, p, the learners behind e ∪ p, and the
/// acquisitions of both windows.
/// </summary>
public sealed record SkillDemandInput(
    string SkillId,
    string SkillName,
    string? Category,
    int Enrolled,
    int EnrolledPrevious,
    double TargetWeight,
    int Planned,
    int Learners,
    int Acquired,
    int AcquiredPrevious);
