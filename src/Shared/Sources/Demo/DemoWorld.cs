namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>Everything decided before the per-learner simulation: reference data, traits and enrolment plans.</summary>
public sealed class DemoWorld
{
    public required DemoSettings Settings { get; init; }
    public required IReadOnlyList<OrganisationPlan> Organisations { get; init; }
    public required IReadOnlyList<SkillPlan> Skills { get; init; }
    public required IReadOnlyList<CoursePlan> Courses { get; init; }
    public required IReadOnlyList<LearnerPlan> Learners { get; init; }
    public required IReadOnlyList<StaffPlan> Staff { get; init; }

    /// <summary>asOf: the last generated day.</summary>
    public DateOnly EndDate => Settings.EndDate;

    /// <summary>The earliest day any activity can fall on (the earliest organisation window or fixed course).</summary>
    public required DateOnly FirstDay { get; init; }
}
