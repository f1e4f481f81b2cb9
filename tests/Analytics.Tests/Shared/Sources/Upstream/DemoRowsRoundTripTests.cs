using System.Text.Json;
using Analytics.Api.Shared.Sources.Demo;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Api.Shared.Sources.Upstream.Feeds;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// A stub that serves the demo store over the contract gives a synced store with the same rows (SOURCES.md §2, §3.3): each demo
/// row of the tiny world, written as the contract item that carries it, maps back to exactly its columns. In memory, no database.
/// </summary>
public sealed class DemoRowsRoundTripTests
{
    private static readonly DateOnly EndDate = new(2025, 3, 14);
    private static readonly DateTimeOffset UpdatedAt = new(2025, 3, 14, 23, 0, 0, TimeSpan.Zero);
    private static readonly string[] LevelNames = ["Missing", "Beginner", "Intermediate", "Advanced", "Expert"];
    private readonly List<LearnerRows> _learners = [];
    private ReferenceData _reference = null!;

    [OneTimeSetUp]
    public void Generate()
    {
        var world = DemoWorldBuilder.Build(new DemoOptions { Preset = "tiny", Seed = 42, EndDate = EndDate }.Resolve(TimeProvider.System));
        _reference = ReferenceData.From(world);
        var simulator = new LearnerSimulator(world);
        foreach (var learner in world.Learners)
        {
            var rows = new LearnerRows();
            simulator.Simulate(learner, rows);
            _learners.Add(rows);
        }
    }

    [Test]
    public void Kpis_ComeBackAsTheDemoRows()
    {
        var rows = _reference.Kpis;
        var records = rows.GroupBy(r => r.OrganisationId).SelectMany(g => Upserts<KpiRecord>(
            new KpisFeed(), g.Select(r => new KpiItem(r.Id, r.Name, r.Unit, r.Target, r.Value, r.Weight, r.Period, UpdatedAt, null)), StoreTables.Kpis, g.Key));

        AssertSame(rows.Select(r => new KpiRecord(r.Id, r.OrganisationId, r.Name, r.Unit, r.Target, r.Value, r.Weight, r.Period)), records);
    }

    [Test]
    public void SkillTargets_ComeBackAsTheDemoRows()
    {
        var rows = _reference.SkillTargets;
        var records = rows.GroupBy(r => r.OrganisationId).SelectMany(g => Upserts<SkillTargetRecord>(
            new ValuePropositionsFeed(),
            g.Select(r => new ValuePropositionItem(
                r.Id, r.DepartmentId, r.SkillId, JsonSerializer.SerializeToElement(LevelNames[r.RequiredLevel]), r.BusinessPriority, r.ValueProposition,
                r.CareerImpact, UpdatedAt, null)),
            StoreTables.SkillTargets, g.Key));

        AssertSame(rows.Select(r => new SkillTargetRecord(
            r.Id, r.OrganisationId, r.DepartmentId, r.SkillId, r.RequiredLevel, r.BusinessPriority, r.ValueProposition, r.CareerImpact)), records);
    }

    [Test]
    public void MentoringLinks_ComeBackAsTheDemoRows()
    {
        var rows = _learners.SelectMany(l => l.MentoringLinks).ToList();
        var records = Upserts<MentoringLinkRecord>(
            new MentoringFeed(), rows.Select((r, k) => new MentoringItem($"m-{k}", r.MentorId, r.MenteeId, r.StartedOn, r.EndedOn, UpdatedAt, null)),
            StoreTables.MentoringLinks);

        AssertSame(rows.Select(r => new MentoringLinkRecord(r.MentorId, r.MenteeId, r.StartedOn, r.EndedOn)), records);
    }

    [Test]
    public void Sessions_ComeBackAsTheDemoRows()
    {
        var rows = _learners.SelectMany(l => l.Sessions).ToList();
        var records = Upserts<SessionRecord>(
            new SessionsFeed(),
            rows.Select((r, k) => new SessionItem(
                $"s-{k}", r.UserId, Utc(r.StartedAt), Utc(r.StartedAt).AddSeconds(r.DurationSeconds), r.DurationSeconds, true, UpdatedAt, null)),
            StoreTables.Sessions);

        AssertSame(rows.Select(r => new SessionRecord(r.UserId, Utc(r.StartedAt), r.DurationSeconds)), records);
    }

    [Test]
    public void SkillsAndPrerequisites_ComeBackAsTheDemoRows()
    {
        var prerequisites = _reference.SkillPrerequisites.ToLookup(p => p.SkillId, p => p.RequiresSkillId);
        var batch = Map(
            new SkillsFeed(),
            _reference.Skills.Select(s => new SkillItem(s.Id, s.Name, s.Category, s.MarketDemand, [.. prerequisites[s.Id]], UpdatedAt, null)),
            organisation: null);

        AssertSame(_reference.Skills.Select(s => new SkillRecord(s.Id, s.Name, s.Category, s.MarketDemand)), Upserts<SkillRecord>(batch, StoreTables.Skills));
        AssertSame(
            _reference.SkillPrerequisites.Select(p => new SkillPrerequisiteRecord(p.SkillId, p.RequiresSkillId)),
            Upserts<SkillPrerequisiteRecord>(batch, StoreTables.SkillPrerequisites));
    }

    [Test]
    public void CourseSkillsAndTopicSkills_ComeBackAsTheDemoRows()
    {
        var courseOf = _reference.Topics.ToDictionary(t => t.Id, t => t.CourseId);
        var items = _reference.CourseSkills.Select(s => new SkillMappingItem(s.CourseId, null, s.SkillId, UpdatedAt, null))
            .Concat(_reference.TopicSkills.Select(s => new SkillMappingItem(courseOf[s.TopicId], s.TopicId, s.SkillId, UpdatedAt, null)));
        var batch = Map(new SkillMappingsFeed(), items);

        AssertSame(_reference.CourseSkills.Select(s => new CourseSkillRecord(s.CourseId, s.SkillId)), Upserts<CourseSkillRecord>(batch, StoreTables.CourseSkills));
        AssertSame(_reference.TopicSkills.Select(s => new TopicSkillRecord(s.TopicId, s.SkillId)), Upserts<TopicSkillRecord>(batch, StoreTables.TopicSkills));
    }

    [Test]
    public void UserSkills_ComeBackAsTheDemoRows()
    {
        var rows = _learners.SelectMany(l => l.UserSkills).ToList();
        var records = Upserts<UserSkillRecord>(
            new UserSkillsFeed(),
            rows.Select(r => new UserSkillItem(
                r.UserId, r.SkillId, JsonSerializer.SerializeToElement(LevelNames[r.Level]), r.Acquired, null, r.AcquiredOn, r.Method, UpdatedAt, null)),
            StoreTables.UserSkills);

        AssertSame(rows.Select(r => new UserSkillRecord(r.UserId, r.SkillId, r.Level, r.Acquired, r.AcquiredOn, r.Method)), records);
    }

    [Test]
    public void LearningPathsAndTheirTopics_ComeBackAsTheDemoRows()
    {
        var paths = _learners.SelectMany(l => l.LearningPaths).ToList();
        var topics = _learners.SelectMany(l => l.LearningPathTopics).ToList();
        var steps = topics.ToLookup(t => t.PathId);
        var batch = Map(
            new LearningPathsFeed(),
            paths.Select(p => new LearningPathItem(
                p.Id, p.UserId, p.Title, Utc(p.CreatedAt), [.. steps[p.Id].Select(t => new LearningPathStep(t.Position, t.TopicId))], UpdatedAt, null)));

        AssertSame(paths.Select(p => new LearningPathRecord(p.Id, p.UserId, p.Title, Utc(p.CreatedAt))), Upserts<LearningPathRecord>(batch, StoreTables.LearningPaths));
        AssertSame(
            topics.Select(t => new LearningPathTopicRecord(t.PathId, t.Position, t.TopicId)),
            Upserts<LearningPathTopicRecord>(batch, StoreTables.LearningPathTopics));
    }

    [Test]
    public void Recommendations_ComeBackAsTheDemoRows()
    {
        var sets = _learners.Select(l => l.Recommendations).Where(r => r.Count > 0).ToList();
        Assert.That(sets.Select(s => s.Select(r => r.GeneratedAt).Distinct().Count()), Is.All.EqualTo(1), "a learner's set has one generatedAt");

        var records = Upserts<RecommendationRecord>(
            new RecommendationsFeed(),
            sets.Select(s => new RecommendationSetItem(
                s[0].UserId, Utc(s[0].GeneratedAt), [.. s.Select(r => new RecommendedItem(r.ItemType, r.ItemId, r.Reason, r.Score))], UpdatedAt, null)),
            StoreTables.RecommendationsFeed);

        AssertSame(
            sets.SelectMany(s => s).Select(r => new RecommendationRecord(r.UserId, r.ItemType, r.ItemId, r.Reason, r.Score, r.Provider, Utc(r.GeneratedAt))),
            records);
    }

    [Test]
    public void PracticeSessions_ComeBackAsTheDemoRows()
    {
        var rows = _learners.SelectMany(l => l.PracticeSessions).ToList();
        var records = Upserts<PracticeSessionRecord>(
            new PracticeSessionsFeed(),
            rows.Select(r => new PracticeSessionItem(
                r.Id, r.UserId, r.TopicId, r.SkillId, Utc(r.StartedAt), r.Passed ? "passed" : "failed", r.ScorePct, r.Attempts, UpdatedAt, null)),
            StoreTables.PracticeSessions);

        AssertSame(
            rows.Select(r => new PracticeSessionRecord(r.Id, r.UserId, r.TopicId, r.SkillId, Utc(r.StartedAt), r.Passed, r.ScorePct, r.Attempts)),
            records);
    }

    [Test]
    public void HelpRequests_ComeBackAsTheDemoRows()
    {
        var rows = _learners.SelectMany(l => l.HelpRequests).ToList();
        var records = Upserts<HelpRequestRecord>(
            new HelpRequestsFeed(), rows.Select(r => new HelpRequestItem(r.Id, r.UserId, r.CourseId, Utc(r.AskedAt), UpdatedAt, null)),
            StoreTables.HelpRequests);

        AssertSame(rows.Select(r => new HelpRequestRecord(r.Id, r.UserId, r.CourseId, Utc(r.AskedAt))), records);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static FeedBatch Map<TItem>(IUpstreamFeed feed, IEnumerable<TItem> items, string? organisation = "org-123")
    {
        var payloads = items.Select(i => JsonSerializer.Serialize(i, UpstreamClient.Json)).ToList();
        var batch = feed.MapStored(payloads, new FeedRequest(organisation, new PageRequest(null, null, 500), SyncMode.Incremental, UpdatedAt));
        Assert.Multiple(() =>
        {
            Assert.That(batch.Items, Is.EqualTo(payloads.Count));
            Assert.That(batch.Rejects.Select(r => $"{r.Key}: {r.Reason}"), Is.Empty);
        });
        return batch;
    }

    private static List<TRecord> Upserts<TRecord>(FeedBatch batch, StoreTable table) =>
        batch.Tables.Where(t => t.Table == table).SelectMany(t => t.Upserts).Select(r => (TRecord)r.Record).ToList();

    private static List<TRecord> Upserts<TRecord>(IUpstreamFeed feed, IEnumerable<object> items, StoreTable table, string? organisation = "org-123") =>
        Upserts<TRecord>(Map(feed, items, organisation), table);

    private static void AssertSame<TRecord>(IEnumerable<TRecord> expected, IEnumerable<TRecord> actual)
    {
        var rows = expected.ToList();
        Assert.That(rows, Is.Not.Empty, "the tiny world has rows of this table");
        Assert.That(actual.ToList(), Is.EqualTo(rows));
    }
}
