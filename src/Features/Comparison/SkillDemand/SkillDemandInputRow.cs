namespace Analytics.Api.Features.Comparison.SkillDemand;

/// <summary>
/// A row of SkillDemand.sql: a kept skill's counts, with the number of skills withheld below k repeated on each row; the skill
/// columns are null on the single row that only carries that number.
/// </summary>
public sealed record SkillDemandInputRow(
    string? SkillId,
    string? SkillName,
    string? Category,
    int? Enrolled,
    int? EnrolledPrevious,
    double? TargetWeight,
    int? Planned,
    int? Learners,
    int? Acquired,
    int? AcquiredPrevious,
    int SuppressedSkills)
{
    public SkillDemandInput? ToInput() => SkillId is null
        ? null
        : new SkillDemandInput(SkillId, SkillName ?? SkillId, Category, Enrolled ?? 0, EnrolledPrevious ?? 0, TargetWeight ?? 0, Planned ?? 0,
            Learners ?? 0, Acquired ?? 0, AcquiredPrevious ?? 0);
}
