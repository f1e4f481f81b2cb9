using Analytics.Api.Shared.Sources.Demo;
using NUnit.Framework;

namespace Analytics.Tests.Shared.Sources.Demo;

/// <summary>The fixed organisation's promises (SOURCES.md §2.3) hold for any seed: checked in memory, without a database.</summary>
public sealed class DemoWorldTests
{
    private static readonly DateOnly EndDate = new(2025, 3, 14);

    private static DemoWorld Tiny(ulong seed) =>
        DemoWorldBuilder.Build(new DemoOptions { Preset = "tiny", Seed = seed, EndDate = EndDate }.Resolve(TimeProvider.System));

    [TestCase(42UL)]
    [TestCase(7UL)]
    [TestCase(20250314UL)]
    public void Org123_HasItsDepartmentsTrainersAndRosters(ulong seed)
    {
        var world = Tiny(seed);
        var org = world.Organisations[0];
        var roster = world.Courses.ToDictionary(c => c.Id, c => world.Learners.Count(l => l.Enrolments.Exists(e => e.Course == c.Index)));
        var trainers = world.Courses.SelectMany(c => c.TrainerIds).Distinct().ToList();
        var trainerCourses = world.Courses.Where(c => c.TrainerIds.Contains(FixedDemo.Trainer)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(org.Id, Is.EqualTo("org-123"));
            Assert.That(world.Learners.Count(l => org.Departments[l.Department].Id == FixedDemo.Legal), Is.EqualTo(6));
            Assert.That(world.Learners.Count(l => org.Departments[l.Department].Id == FixedDemo.Engineering), Is.GreaterThanOrEqualTo(60));
            Assert.That(trainers, Has.Count.EqualTo(12));
            Assert.That(trainers, Does.Contain(FixedDemo.Supertester).And.Contain("t-0001").And.Contain("t-0010"));
            Assert.That(trainerCourses, Has.Count.EqualTo(3));
            Assert.That(trainerCourses.Select(c => roster[c.Id]), Is.All.InRange(25, 60));
            Assert.That(roster.Values, Is.All.GreaterThanOrEqualTo(12));
            Assert.That(world.Learners.Count(l => l.StopsOn is not null), Is.EqualTo(FixedDemo.AtRiskLearnersInTrainerCourse));
            Assert.That(org.Targets, Has.Count.EqualTo(20));
            Assert.That(org.Targets.Count(t => t.Department is not null), Is.EqualTo(5));
            Assert.That(org.Kpis, Has.Count.EqualTo(6));
        });
    }

    [TestCase(42UL)]
    [TestCase(7UL)]
    [TestCase(20250314UL)]
    public void Learner123_Script_GivesTheStatedVelocityStreakAndGaps(ulong seed)
    {
        var world = Tiny(seed);
        var learner = world.Learners.Single(l => l.Id == FixedDemo.Learner);
        var rows = new LearnerRows();

        new LearnerSimulator(world).Simulate(learner, rows);

        var asOf = world.EndDate;
        var completionDays = rows.TopicCompletions.Select(c => DateOnly.FromDateTime(c.CompletedAt)).ToList();
        var activeDays = rows.ActivityDays.Select(a => a.Day).ToHashSet();
        var recent = Enumerable.Range(0, 10).Select(i => asOf.AddDays(-i)).ToList();
        var targets = world.Organisations[0].Targets.Where(t => t.Department is null || t.Department == learner.Department).ToList();
        var levels = rows.UserSkills.ToDictionary(s => s.SkillId, s => s.Level);
        var gaps = targets.Select(t => t.RequiredLevel - levels[world.Skills[t.Skill].Id]).Where(g => g > 0).OrderBy(g => g).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows.Enrolments.Select(e => e.Status), Is.EqualTo(new[] { "withdrawn", "completed", "active", "active" }));
            Assert.That(rows.Enrolments[1].FinalResult, Is.EqualTo("pass"));
            Assert.That(rows.Enrolments[1].CompletedOn, Is.EqualTo(asOf.AddDays(-60)));
            Assert.That(completionDays.Where(d => d >= asOf.AddDays(-13)), Is.EquivalentTo(new[] { asOf.AddDays(-12), asOf.AddDays(-10) }));
            Assert.That(activeDays.Count(d => d > asOf.AddDays(-180)), Is.GreaterThanOrEqualTo(120));
            Assert.That(recent, Is.All.Matches<DateOnly>(activeDays.Contains));
            Assert.That(rows.ActivityDays.Where(a => a.Day > asOf.AddDays(-10)), Is.All.Matches<ActivityDayRow>(a => a.Events == 2 && a.Minutes == 5));
            Assert.That(rows.Submissions.Count + rows.PracticeSessions.Count, Is.GreaterThan(0));
            Assert.That(rows.Submissions.Where(s => s.SubmittedOn > asOf.AddDays(-17)), Is.Empty);
            Assert.That(rows.PracticeSessions.Where(p => DateOnly.FromDateTime(p.StartedAt) > asOf.AddDays(-17)), Is.Empty);
            Assert.That(rows.HelpRequests, Has.Count.EqualTo(4));
            Assert.That(rows.LearningPaths, Has.Count.EqualTo(2));
            Assert.That(targets.All(t => levels.ContainsKey(world.Skills[t.Skill].Id)), Is.True);
            Assert.That(gaps, Is.EqualTo(new[] { 1, 1, 2 }));
        });
    }

    [Test]
    public void LearnerHashes_DoNotDependOnTheOrderLearnersAreSimulatedIn()
    {
        var world = Tiny(42);
        var forward = HashesInOrder(world, Enumerable.Range(0, world.Learners.Count));
        var backward = HashesInOrder(world, Enumerable.Range(0, world.Learners.Count).Reverse());

        Assert.That(backward, Is.EqualTo(forward));
    }

    private static Dictionary<int, string> HashesInOrder(DemoWorld world, IEnumerable<int> order)
    {
        var simulator = new LearnerSimulator(world);
        var rows = new LearnerRows();
        using var hasher = new ContentHasher();
        return order.ToDictionary(i => i, i =>
        {
            simulator.Simulate(world.Learners[i], rows);
            return Convert.ToHexString(rows.Hash(hasher));
        });
    }
}
