using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Api.Shared.Sources.Upstream.Feeds;
using Analytics.Api.Shared.Sources.Upstream.Records;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// The mapping rules of the people-side feeds (SOURCES.md §3.3) on single items, in memory: which values are rejected, dropped,
/// defaulted or normalised before anything reaches the store.
/// </summary>
public sealed class PeopleFeedMappingTests
{
    [TestCase("3", 3)]
    [TestCase("\"Advanced\"", 3)]
    [TestCase("\"expert\"", 4)]
    [TestCase("\"1\"", 1)]
    [TestCase("1.0", 1)]
    public void ValueProposition_RequiredLevel_IsANumberOrAName(string level, int expected)
    {
        var batch = Map(new ValuePropositionsFeed(), $$"""{"id":"st-1","skillId":"sk-1","requiredLevel":{{level}},"businessPriority":"medium"}""");

        Assert.That(Upserts<SkillTargetRecord>(batch).Single().RequiredLevel, Is.EqualTo(expected));
    }

    [TestCase("0")]
    [TestCase("\"Missing\"")]
    [TestCase("5")]
    [TestCase("2.5")]
    [TestCase("\"Guru\"")]
    [TestCase("null")]
    [TestCase("true")]
    public void ValueProposition_WithoutARequiredLevelOf1To4_IsRejected(string level)
    {
        var batch = Map(new ValuePropositionsFeed(), $$"""{"id":"st-1","skillId":"sk-1","requiredLevel":{{level}},"businessPriority":"medium"}""");

        Assert.That(batch.Rejects.Single().Key, Is.EqualTo("st-1"));
        Assert.That(batch.Tables, Is.Empty);
    }

    [Test]
    public void ValueProposition_WithAnInvalidDepartment_IsRejected()
    {
        var batch = Map(new ValuePropositionsFeed(), """{"id":"st-1","departmentId":"d 1","skillId":"sk-1","requiredLevel":2,"businessPriority":"low"}""");

        Assert.That(batch.Rejects, Has.Count.EqualTo(1));
    }

    [TestCase("""{"id":"k-1","name":"A","target":null,"period":"2025"}""", "missing target")]
    [TestCase("""{"id":"k-1","name":"A","target":1,"period":" "}""", "missing period")]
    [TestCase("""{"id":"k-1","name":"A","target":1,"weight":-1,"period":"2025"}""", "weight -1 is below 0")]
    [TestCase("""{"id":"k 1","name":"A","target":1,"period":"2025"}""", "invalid or missing id")]
    public void Kpi_WithoutATargetPeriodOrValidWeight_IsRejected(string item, string reason)
    {
        var batch = Map(new KpisFeed(), item);

        Assert.That(batch.Rejects.Single().Reason, Is.EqualTo(reason));
    }

    [Test]
    public void Kpi_WithoutAName_IsNamedByItsId()
    {
        var batch = Map(new KpisFeed(), """{"id":"k-1","target":1,"period":"2025"}""");

        Assert.That(Upserts<KpiRecord>(batch).Single(), Is.EqualTo(new KpiRecord("k-1", "org-1", "k-1", null, 1, null, 1, "2025")));
    }

    [Test]
    public void Mentoring_EndingBeforeItStarts_IsRejected()
    {
        var batch = Map(new MentoringFeed(), """{"mentorId":"u-1","menteeId":"u-2","startedOn":"2025-05-01","endedOn":"2025-04-30"}""");

        Assert.That(batch.Rejects.Single().Key, Is.EqualTo("u-1|u-2|2025-05-01"));
    }

    [TestCase("false")]
    [TestCase("null")]
    public void Session_ThatWasNotASuccessfulLogin_IsSkippedNotRejected(string successful)
    {
        var batch = Map(new SessionsFeed(), $$"""{"id":"s-1","userId":"u-1","startedAt":"2025-10-01T10:00:00Z","successful":{{successful}}}""");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Rejects, Is.Empty);
            Assert.That(batch.Tables, Is.Empty);
        });
    }

    [Test]
    public void Session_KeyAndInstant_KeepMicroseconds_AndItsUtcMonthIsCovered()
    {
        var batch = Map(new SessionsFeed(), """{"id":"s-1","userId":"u-1","startedAt":"2025-10-01T01:30:00.1234567+02:00","endedAt":"2025-10-01T01:29:00+02:00","successful":true}""");

        var row = batch.Tables.Single().Upserts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.Key, Is.EqualTo("u-1|2025-09-30T23:30:00.123456Z"));
            // An end before the start clamps the duration to 0.
            Assert.That(row.Record, Is.EqualTo(new SessionRecord("u-1", new DateTimeOffset(2025, 9, 30, 23, 30, 0, 123, 456, TimeSpan.Zero), 0)));
            Assert.That(batch.Tables.Single().Days, Is.EqualTo((new DateOnly(2025, 9, 30), new DateOnly(2025, 9, 30))));
            Assert.That(row.Parents, Is.EqualTo(new[] { new RecordParent("users", "u-1") }));
        });
    }

    [TestCase("""{"userId":"u-1","skillId":"sk-1","level":"Missing","acquired":true}""")]
    [TestCase("""{"userId":"u-1","skillId":"sk-1","level":0,"acquired":true}""")]
    [TestCase("""{"userId":"u-1","skillId":"sk-1","level":5}""")]
    [TestCase("""{"userId":"u-1","skillId":"sk-1"}""")]
    public void UserSkill_AcquiredAtLevel0_OrWithoutALevelOf0To4_IsRejected(string item)
    {
        var batch = Map(new UserSkillsFeed(), item);

        Assert.That(batch.Rejects.Single().Key, Is.EqualTo("u-1|sk-1"));
    }

    [Test]
    public void UserSkill_AcquiredOn_IsTheUtcDateOfAcquiredAt_WhenNotSent()
    {
        var batch = Map(new UserSkillsFeed(), """{"userId":"u-1","skillId":"sk-1","level":"Beginner","acquired":true,"acquiredAt":"2025-10-26T23:30:00-02:00","acquisitionMethod":"course_completion"}""");

        Assert.That(Upserts<UserSkillRecord>(batch).Single(),
            Is.EqualTo(new UserSkillRecord("u-1", "sk-1", 1, true, new DateOnly(2025, 10, 27), "course_completion")));
    }

    [TestCase("""[{"order":0,"moduleId":"t-1"},{"order":0,"moduleId":"t-2"}]""", "two steps with the same order")]
    [TestCase("""[{"order":0,"moduleId":null}]""", "a step without a module or with a negative order")]
    [TestCase("""[{"order":null,"moduleId":"t-1"}]""", "a step without a module or with a negative order")]
    public void LearningPath_WithAStepThatCannotBeStored_IsRejectedWhole(string steps, string reason)
    {
        var batch = Map(new LearningPathsFeed(), $$"""{"id":"lp-1","userId":"u-1","title":"P","createdAt":"2025-10-01T08:00:00Z","steps":{{steps}}}""");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Rejects.Single().Reason, Is.EqualTo(reason));
            Assert.That(batch.Tables, Is.Empty);
        });
    }

    [Test]
    public void RecommendationSet_Tombstoned_ReplacesTheLearnersSetWithNothing()
    {
        var batch = Map(new RecommendationsFeed(), """{"userId":"u-1","generatedAt":null,"items":[{"itemType":"course","itemId":"c-1","reason":"r"}],"deletedAt":"2025-10-27T00:00:00Z"}""");

        var table = batch.Tables.Single();
        Assert.Multiple(() =>
        {
            Assert.That(table.ReplaceParents, Is.EquivalentTo(new[] { "u-1" }));
            Assert.That(table.Upserts, Is.Empty);
            Assert.That(batch.Rejects, Is.Empty);
        });
    }

    [Test]
    public void RecommendationSet_DropsEntriesOfUnknownTypeOrId_AndRoundsTheScore()
    {
        var batch = Map(new RecommendationsFeed(), """
            {"userId":"u-1","generatedAt":"2025-10-27T01:00:00Z","items":[
              {"itemType":"Course","itemId":"c-1","reason":null,"score":0.123456},
              {"itemType":"video","itemId":"v-1","reason":"r","score":0.5},
              {"itemType":"topic","itemId":"not an id","reason":"r","score":0.5},
              {"itemType":"skill","itemId":"sk-1","reason":"r","score":-0.1}]}
            """);

        Assert.That(Upserts<RecommendationRecord>(batch), Is.EqualTo(new[]
        {
            new RecommendationRecord("u-1", "course", "c-1", string.Empty, 0.1235m, "learner-ai", new DateTimeOffset(2025, 10, 27, 1, 0, 0, TimeSpan.Zero)),
            new RecommendationRecord("u-1", "skill", "sk-1", "r", null, "learner-ai", new DateTimeOffset(2025, 10, 27, 1, 0, 0, TimeSpan.Zero)),
        }));
    }

    [TestCase("""{"id":"p-1","userId":"u-1","startedAt":"2025-10-01T08:00:00Z","status":"passed","attempts":0}""")]
    [TestCase("""{"id":"p-1","userId":"u-1","startedAt":null,"status":"passed"}""")]
    [TestCase("""{"id":"p-1","userId":"u-1","moduleId":"t 1","startedAt":"2025-10-01T08:00:00Z","status":"passed"}""")]
    public void PracticeSession_WithoutAStartValidIdsOrAnAttempt_IsRejected(string item)
    {
        var batch = Map(new PracticeSessionsFeed(), item);

        Assert.That(batch.Rejects.Single().Key, Is.EqualTo("p-1"));
    }

    [Test]
    public void Skill_DropsInvalidAndSelfPrerequisites_AndRepeatedOnes()
    {
        var batch = Map(new SkillsFeed(), """{"id":"sk-1","name":"S","marketDemand":-1,"prerequisites":["sk-2","sk-1","sk 3","sk-2"]}""", organisation: null);

        Assert.Multiple(() =>
        {
            Assert.That(Upserts<SkillRecord>(batch).Single(), Is.EqualTo(new SkillRecord("sk-1", "S", null, null)));
            Assert.That(Upserts<SkillPrerequisiteRecord>(batch), Is.EqualTo(new[] { new SkillPrerequisiteRecord("sk-1", "sk-2") }));
        });
    }

    private static FeedBatch Map(IUpstreamFeed feed, string item, string? organisation = "org-1") =>
        feed.MapStored([item], new FeedRequest(organisation, new PageRequest(null, null, 500), SyncMode.Incremental, DateTimeOffset.UnixEpoch));

    private static List<TRecord> Upserts<TRecord>(FeedBatch batch) =>
        batch.Tables.SelectMany(t => t.Upserts).Select(r => r.Record).OfType<TRecord>().ToList();
}
