using System.Globalization;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>The rows of the reference tables (load steps 1–9 and 12 of SOURCES.md §1.2), built from the world.</summary>
public sealed class ReferenceData
{
    private const int AccountCreatedDaysBeforeWindow = 30;

    public List<OrganisationRow> Organisations { get; } = [];
    public List<DepartmentRow> Departments { get; } = [];
    public List<UserRow> Users { get; } = [];
    public List<UserRoleRow> UserRoles { get; } = [];
    public List<SkillRow> Skills { get; } = [];
    public List<SkillPrerequisiteRow> SkillPrerequisites { get; } = [];
    public List<CourseRow> Courses { get; } = [];
    public List<CourseTrainerRow> CourseTrainers { get; } = [];
    public List<TopicRow> Topics { get; } = [];
    public List<ContentItemRow> ContentItems { get; } = [];
    public List<CourseSkillRow> CourseSkills { get; } = [];
    public List<TopicSkillRow> TopicSkills { get; } = [];
    public List<AssessmentRow> Assessments { get; } = [];
    public List<SkillTargetRow> SkillTargets { get; } = [];
    public List<KpiRow> Kpis { get; } = [];

    public static ReferenceData From(DemoWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var data = new ReferenceData();
        var settingsJson = string.Create(CultureInfo.InvariantCulture, $$"""{"analysisDate": "{{world.Settings.AnalysisDate:yyyy-MM-dd}}"}""");
        foreach (var organisation in world.Organisations)
        {
            data.Organisations.Add(new OrganisationRow(organisation.Id, organisation.Name, "UTC", settingsJson));
            foreach (var department in organisation.Departments)
            {
                data.Departments.Add(new DepartmentRow(department.Id, organisation.Id, department.Name));
            }

            foreach (var target in organisation.Targets)
            {
                data.SkillTargets.Add(new SkillTargetRow(
                    target.Id, organisation.Id, target.Department is { } d ? organisation.Departments[d].Id : null,
                    world.Skills[target.Skill].Id, target.RequiredLevel, target.Priority, target.ValueProposition, target.CareerImpact));
            }

            foreach (var kpi in organisation.Kpis)
            {
                data.Kpis.Add(new KpiRow(kpi.Id, organisation.Id, kpi.Name, kpi.Unit, kpi.Target, kpi.Value, kpi.Weight, kpi.Period));
            }
        }

        foreach (var learner in world.Learners)
        {
            var organisation = world.Organisations[learner.Organisation];
            data.Users.Add(new UserRow(
                learner.Id, organisation.Id, organisation.Departments[learner.Department].Id, learner.Email, learner.DisplayName,
                learner.LeaderboardPrivacy, CreatedAt(organisation)));
            var roles = learner.IsFixedUser ? FixedDemo.Users.First(u => u.Id == learner.Id).Roles : ["learner"];
            data.UserRoles.AddRange(roles.Select(r => new UserRoleRow(learner.Id, r)));
        }

        foreach (var staff in world.Staff)
        {
            var organisation = world.Organisations[staff.Organisation];
            data.Users.Add(new UserRow(staff.Id, organisation.Id, staff.DepartmentId, staff.Email, staff.DisplayName, "anonymous", CreatedAt(organisation)));
            data.UserRoles.AddRange(staff.Roles.Select(r => new UserRoleRow(staff.Id, r)));
        }

        foreach (var skill in world.Skills)
        {
            data.Skills.Add(new SkillRow(skill.Id, skill.Name, skill.Category, skill.MarketDemand));
            data.SkillPrerequisites.AddRange(skill.Prerequisites.Select(p => new SkillPrerequisiteRow(skill.Id, world.Skills[p].Id)));
        }

        foreach (var course in world.Courses)
        {
            data.Courses.Add(new CourseRow(
                course.Id, world.Organisations[course.Organisation].Id, course.Title, course.Category, course.StartsOn, course.EndsOn,
                course.LengthDays, "{}"));
            data.CourseTrainers.AddRange(course.TrainerIds.Select(t => new CourseTrainerRow(course.Id, t)));
            data.CourseSkills.AddRange(course.Skills.Select(s => new CourseSkillRow(course.Id, world.Skills[s].Id)));
            foreach (var topic in course.Topics)
            {
                data.Topics.Add(new TopicRow(topic.Id, course.Id, topic.Title, topic.Position));
                data.TopicSkills.AddRange(topic.Skills.Select(s => new TopicSkillRow(topic.Id, world.Skills[s].Id)));
            }

            foreach (var item in course.Items)
            {
                data.ContentItems.Add(new ContentItemRow(
                    item.Id, course.Id, course.Topics[item.Topic].Id, item.Title, item.Type.ToString().ToLowerInvariant(),
                    item.AiCreated ? "ai" : "manual", item.DurationSeconds));
            }

            foreach (var assessment in course.Assessments)
            {
                data.Assessments.Add(new AssessmentRow(
                    assessment.Id, course.Id, course.Topics[assessment.Topic].Id, assessment.Title, assessment.Kind, assessment.DueOn,
                    assessment.Weight, course.PassThreshold));
            }
        }

        return data;
    }

    public byte[] Hash(ContentHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        Add(hasher, Organisations);
        Add(hasher, Departments);
        Add(hasher, Users);
        Add(hasher, UserRoles);
        Add(hasher, Skills);
        Add(hasher, SkillPrerequisites);
        Add(hasher, Courses);
        Add(hasher, CourseTrainers);
        Add(hasher, Topics);
        Add(hasher, ContentItems);
        Add(hasher, CourseSkills);
        Add(hasher, TopicSkills);
        Add(hasher, Assessments);
        Add(hasher, SkillTargets);
        Add(hasher, Kpis);
        return hasher.Finish();
    }

    private static DateTime CreatedAt(OrganisationPlan organisation) =>
        DemoTime.At(organisation.WindowStart.AddDays(-AccountCreatedDaysBeforeWindow), 9 * 60);

    private static void Add<TRow>(ContentHasher hasher, List<TRow> rows)
        where TRow : struct, IDemoRow<TRow>
    {
        foreach (var row in rows)
        {
            row.AddTo(hasher);
        }
    }
}
