using Analytics.Api.Features.LearnerAnalytics.Mastery;
using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Tests.Features.LearnerAnalytics.Mastery;

/// <summary>ANALYTICS.md §8 G4 and the rules of §1.4, on the pure computation.</summary>
public sealed class MasteryCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly MasterySettings Settings = new();

    private static MasteryInputs Inputs(
        IReadOnlyList<MasterySkillFact> skills,
        IReadOnlyList<string>? targets = null,
        IReadOnlyList<MasteryEvidence>? evidence = null,
        IReadOnlyList<MasteryPathRow>? paths = null,
        IReadOnlyList<MasteryPathSkill>? pathSkills = null,
        IReadOnlyList<MasteryPathTopic>? pathTopics = null,
        IReadOnlyList<MasteryEnrolmentSkill>? enrolmentSkills = null) =>
        new(paths ?? [], pathSkills ?? [], pathTopics ?? [], enrolmentSkills ?? [], targets ?? skills.Select(s => s.SkillId).ToArray(), skills, evidence ?? []);

    /// <summary>G4: A acquired; B level 2 with a best of 85 on a topic teaching B and a passed practice for B; C level 1; D no row.</summary>
    private static MasteryInputs G4() => Inputs(
        [
            new MasterySkillFact("a", "A", "backend", 3, true, AsOf.AddDays(-100)),
            new MasterySkillFact("b", "B", "backend", 2, false, null),
            new MasterySkillFact("c", "C", "frontend", 1, false, null),
            new MasterySkillFact("d", "D", "frontend", null, false, null),
        ],
        evidence:
        [
            new MasteryEvidence("b", MasteryEvidence.Score, AsOf.AddDays(-20)),
            new MasteryEvidence("b", MasteryEvidence.Practice, AsOf.AddDays(-10)),
        ]);

    [Test]
    public void Compute_G4_MatchesTheWorkedExample()
    {
        var payload = MasteryCalculator.Compute(AsOf, G4(), Settings);

        var skills = payload.SkillCategories.SelectMany(c => c.Skills).ToDictionary(s => s.Id);
        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallMastery, Is.EqualTo(0.5));
            Assert.That(skills["a"].Mastery, Is.EqualTo(1));
            Assert.That(skills["b"].Mastery, Is.EqualTo(1));
            Assert.That(skills["c"].Mastery, Is.EqualTo(0.25));
            Assert.That(skills["d"].Mastery, Is.EqualTo(0));
            Assert.That(payload.Milestones.Select(m => (m.Name, m.Threshold, m.Achieved)), Is.EqualTo(new[]
            {
                ("Foundation", 0.25, true), ("Intermediate", 0.5, true), ("Advanced", 0.75, false), ("Expert", 1.0, false),
            }));
            Assert.That(payload.NextMilestone, Is.EqualTo(new MasteryNextMilestone("Advanced", 0.667, 0.333)));
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.Ok));
            Assert.That(payload.DefinitionVersion, Is.EqualTo("mastery@1.0"));
        });
    }

    [Test]
    public void Compute_G4_GroupsByCategoryWithShareMasteredAndMeanProgress()
    {
        var payload = MasteryCalculator.Compute(AsOf, G4(), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.SkillCategories.Select(c => (c.Id, c.Name, c.Mastery, c.Progress)), Is.EqualTo(new[]
            {
                ("backend", "backend", 1.0, 1.0),
                ("frontend", "frontend", 0.0, 0.125),
            }));
            Assert.That(payload.SkillCategories[1].Skills.Select(s => s.Id), Is.EqualTo(new[] { "c", "d" }));
        });
    }

    [Test]
    public void Compute_G4_HistoryCountsEachSkillFromItsMasteryDate()
    {
        var payload = MasteryCalculator.Compute(AsOf, G4(), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.MasteryHistory, Has.Count.EqualTo(12));
            Assert.That(payload.MasteryHistory[0].Date, Is.EqualTo(AsOf.AddDays(-77)));
            Assert.That(payload.MasteryHistory[^1].Date, Is.EqualTo(AsOf));
            // A from −100 (all points); B from −10, the later of its score (−20) and practice (−10): the points −7 and 0.
            Assert.That(payload.MasteryHistory.Select(p => p.Mastery),
                Is.EqualTo(new[] { 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.5, 0.5 }));
            Assert.That(payload.Milestones[0].Date, Is.EqualTo(AsOf.AddDays(-77)));
            Assert.That(payload.Milestones[1].Date, Is.EqualTo(AsOf.AddDays(-7)));
            Assert.That(payload.Milestones[2].Date, Is.Null);
        });
    }

    [Test]
    public void Compute_ScoreWithoutPassedPractice_IsNotMastered()
    {
        var inputs = Inputs(
            [new MasterySkillFact("b", "B", null, 2, false, null)],
            evidence: [new MasteryEvidence("b", MasteryEvidence.Score, AsOf.AddDays(-3))]);

        var payload = MasteryCalculator.Compute(AsOf, inputs, Settings);

        var skill = payload.SkillCategories.Single().Skills.Single();
        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallMastery, Is.EqualTo(0));
            Assert.That(skill.Mastery, Is.EqualTo(0.5));
            Assert.That(skill.Trend, Is.EqualTo("increasing"), "evidence in the last 30 days");
            Assert.That(payload.SkillCategories.Single().Id, Is.EqualTo("uncategorised"));
            Assert.That(payload.NextMilestone, Is.EqualTo(new MasteryNextMilestone("Foundation", 0, 1)));
        });
    }

    [Test]
    public void Compute_OldEvidenceOnly_TrendIsStableAndEvidenceAfterAsOfIsIgnored()
    {
        var inputs = Inputs(
            [new MasterySkillFact("s", "S", null, 1, false, null)],
            evidence:
            [
                new MasteryEvidence("s", MasteryEvidence.Score, AsOf.AddDays(-40)),
                new MasteryEvidence("s", MasteryEvidence.Practice, AsOf.AddDays(1)),
            ]);

        var payload = MasteryCalculator.Compute(AsOf, inputs, Settings);

        var skill = payload.SkillCategories.Single().Skills.Single();
        Assert.Multiple(() =>
        {
            Assert.That(skill.Mastery, Is.EqualTo(0.25));
            Assert.That(skill.Trend, Is.EqualTo("stable"));
        });
    }

    [Test]
    public void Compute_EverySkillMastered_HasNoNextMilestone()
    {
        var inputs = Inputs([new MasterySkillFact("s", "S", null, 4, true, null)]);

        var payload = MasteryCalculator.Compute(AsOf, inputs, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallMastery, Is.EqualTo(1));
            Assert.That(payload.NextMilestone, Is.Null);
            Assert.That(payload.Milestones.Select(m => m.Achieved), Is.All.True);
            Assert.That(payload.MasteryHistory.Select(p => p.Mastery), Is.All.EqualTo(1), "an undated acquisition counts from the start");
        });
    }

    [Test]
    public void Compute_WithoutTargetSkills_IsNoDataWithNullsAndEmptyLists()
    {
        var payload = MasteryCalculator.Compute(AsOf, Inputs([], targets: []), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.DataStatus, Is.EqualTo(DataStatuses.NoData));
            Assert.That(payload.OverallMastery, Is.Null);
            Assert.That(payload.NextMilestone, Is.Null);
            Assert.That(payload.SkillCategories, Is.Empty);
            Assert.That(payload.MasteryHistory, Is.Empty);
            Assert.That(payload.Milestones, Is.Empty);
            Assert.That(payload.Paths, Is.Empty);
            Assert.That(payload.TopicStatus, Is.EqualTo(new MasteryTopicStatus(null, null, null)));
        });
    }

    [Test]
    public void Compute_TargetSet_IsPathSkillsAndActiveEnrolmentSkillsAndTargetsOnly()
    {
        var facts = new[] { "path", "active", "finished", "selfpaced", "target", "other" }
            .Select(id => new MasterySkillFact(id, id, null, 0, false, null))
            .ToArray();
        var inputs = Inputs(
            facts,
            targets: ["target"],
            paths: [new MasteryPathRow("p1", "Path one")],
            pathSkills: [new MasteryPathSkill("p1", "path")],
            enrolmentSkills:
            [
                new MasteryEnrolmentSkill("c1", AsOf.AddDays(-30), null, null, AsOf.AddDays(-30), "active"),
                new MasteryEnrolmentSkill("c2", AsOf.AddDays(-90), AsOf.AddDays(-5), null, AsOf.AddDays(-90), "finished"),
                // A self-paced course without dates counts from enrolment.
                new MasteryEnrolmentSkill("c3", AsOf.AddDays(-10), null, null, null, "selfpaced"),
            ]);

        var payload = MasteryCalculator.Compute(AsOf, inputs, Settings);

        Assert.That(payload.SkillCategories.SelectMany(c => c.Skills).Select(s => s.Id),
            Is.EquivalentTo(new[] { "path", "active", "selfpaced", "target" }));
    }

    [Test]
    public void Compute_PathsAndTopicStatus_AndPathIdNarrowsTheTargetSet()
    {
        var inputs = Inputs(
            [
                new MasterySkillFact("s1", "S1", null, 3, true, AsOf.AddDays(-50)),
                new MasterySkillFact("s2", "S2", null, 1, false, null),
                new MasterySkillFact("t", "T", null, 0, false, null),
            ],
            targets: ["t"],
            paths: [new MasteryPathRow("p1", "Backend basics"), new MasteryPathRow("p2", "Advanced")],
            pathSkills: [new MasteryPathSkill("p1", "s1"), new MasteryPathSkill("p1", "s2"), new MasteryPathSkill("p2", "s2")],
            pathTopics:
            [
                new MasteryPathTopic("p1", "t1", AsOf.AddDays(-40), AsOf.AddDays(-45)),
                new MasteryPathTopic("p1", "t2", null, AsOf.AddDays(-2)),
                new MasteryPathTopic("p1", "t3", null, null),
                new MasteryPathTopic("p2", "t2", null, AsOf.AddDays(-2)),
                new MasteryPathTopic("p2", "t4", AsOf.AddDays(2), AsOf.AddDays(1)),
            ]);

        var all = MasteryCalculator.Compute(AsOf, inputs, Settings);
        var one = MasteryCalculator.Compute(AsOf, inputs, Settings, pathId: "p2");

        Assert.Multiple(() =>
        {
            Assert.That(all.Paths, Is.EqualTo(new[] { new MasteryPath("p2", "Advanced", 0), new MasteryPath("p1", "Backend basics", 0.5) }));
            // t1 completed; t2 active (listed by both paths, counted once); t3 untouched; t4 only after asOf.
            Assert.That(all.TopicStatus, Is.EqualTo(new MasteryTopicStatus(1, 1, 2)));
            Assert.That(all.OverallMastery, Is.EqualTo(0.333));
            Assert.That(one.Paths, Is.EqualTo(new[] { new MasteryPath("p2", "Advanced", 0) }));
            Assert.That(one.SkillCategories.SelectMany(c => c.Skills).Select(s => s.Id), Is.EqualTo(new[] { "s2" }));
            Assert.That(one.TopicStatus, Is.EqualTo(new MasteryTopicStatus(0, 1, 1)));
        });
    }

    [Test]
    public void Compute_AcquiredAfterAsOf_IsNotYetMastered()
    {
        var inputs = Inputs([new MasterySkillFact("s", "S", null, 3, true, AsOf.AddDays(1))]);

        var payload = MasteryCalculator.Compute(AsOf, inputs, Settings);

        Assert.Multiple(() =>
        {
            Assert.That(payload.OverallMastery, Is.EqualTo(0));
            Assert.That(payload.SkillCategories.Single().Skills.Single().Mastery, Is.EqualTo(0.75));
        });
    }
}
