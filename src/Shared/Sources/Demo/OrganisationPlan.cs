namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>An organisation: its departments, culture (share of assigned enrolments), history window and members.</summary>
public sealed class OrganisationPlan
{
    public required int Index { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<DepartmentPlan> Departments { get; init; }
    public required double AssignedShare { get; init; }

    /// <summary>The first day of generated history for this organisation.</summary>
    public required DateOnly WindowStart { get; init; }

    public List<int> Courses { get; } = [];
    public List<int> Learners { get; } = [];
    public List<string> TrainerIds { get; } = [];

    /// <summary>Mentors: the organisation's trainers and its top-ability learners (SOURCES.md §2.4 "social").</summary>
    public List<string> Mentors { get; } = [];

    public List<SkillTargetPlan> Targets { get; } = [];
    public List<KpiPlan> Kpis { get; } = [];
}
