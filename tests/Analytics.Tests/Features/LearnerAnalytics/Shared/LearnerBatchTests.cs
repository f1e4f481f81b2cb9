using System.Text.Json;
using Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;
using Analytics.Api.Features.LearnerAnalytics.Engagement;
using Analytics.Api.Features.LearnerAnalytics.Mastery;
using Analytics.Api.Features.LearnerAnalytics.Performance;
using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Features.LearnerAnalytics.SkillGap;
using Analytics.Api.Features.LearnerAnalytics.Velocity;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Freshness;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Features.LearnerAnalytics.Shared;

/// <summary>
/// The nightly run computes each learner analytic set-based, a chunk of learners per round trip. For one chunk holding 30 demo
/// learners of org-123 (asOf 2025-03-14, UTC), two learners of an organisation with another reference date and zone (asOf
/// 2025-01-31, Pacific/Auckland; their rows sit where the local day differs from the UTC one) and an unknown id, every
/// learner's result equals the single-learner handler's, serialised with the app's JSON options; the unknown id alone fails.
/// </summary>
public sealed class LearnerBatchTests
{
    private const string Organisation = "lb-org";
    private const string Course = "lb-course";
    private const string UnknownLearner = "lb-nobody";
    private static readonly DateOnly AnalysisDate = new(2025, 2, 1);
    private static readonly string[] ZonedLearners = ["lb-learner-1", "lb-learner-2"];

    private static string[] _demoLearners = [];

    private static readonly Dictionary<string, Func<IServiceProvider, string, Task<IAnalyticResult>>> SingleLearner = new()
    {
        ["velocity"] = async (services, id) =>
            await Handler<VelocityHandler>(services).Handle(new VelocityQuery(id, null), CancellationToken.None),
        ["skill-gap"] = async (services, id) =>
            await Handler<SkillGapHandler>(services).Handle(new SkillGapQuery(id, null, null), CancellationToken.None),
        ["engagement"] = async (services, id) =>
            await Handler<EngagementHandler>(services).Handle(new EngagementQuery(id, null), CancellationToken.None),
        ["mastery"] = async (services, id) =>
            await Handler<MasteryHandler>(services).Handle(new MasteryQuery(id, null), CancellationToken.None),
        ["performance"] = async (services, id) =>
            await Handler<PerformanceHandler>(services).Handle(new PerformanceQuery(id, null), CancellationToken.None),
        ["content-effectiveness"] = async (services, id) =>
            await Handler<ContentEffectivenessHandler>(services).Handle(
                new ContentEffectivenessQuery(id, null, null, null, null, null), CancellationToken.None),
    };

    public static IEnumerable<string> Analytics() => ["velocity", "skill-gap", "engagement", "mastery", "performance", "content-effectiveness"];

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _demoLearners = await TestStore.ScalarAsync<string[]>(
            """
            SELECT array_agg(u.id::text ORDER BY u.id)
            FROM (SELECT u.id
                  FROM lrs.users u
                  WHERE u.organisation_id = 'org-123'
                    AND EXISTS (SELECT 1 FROM lrs.user_roles r WHERE r.user_id = u.id AND r.role = 'learner')
                  ORDER BY u.id
                  LIMIT 30) u
            """) ?? [];

        await TestStore.OrganisationAsync(Organisation, AnalysisDate);
        await TestStore.ExecuteAsync("UPDATE lrs.organisations SET time_zone = 'Pacific/Auckland' WHERE id = @Organisation", new { Organisation });
        await TestStore.CourseAsync(Course, Organisation, 4, new DateOnly(2024, 11, 1), new DateOnly(2025, 4, 30));
        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.skills (id, name, category, source) VALUES ('lb-skill', 'Batch skill', 'Batching', 'test');
            INSERT INTO lrs.topic_skills (topic_id, skill_id, source) VALUES ('lb-course-t1', 'lb-skill', 'test'), ('lb-course-t2', 'lb-skill', 'test');
            INSERT INTO lrs.course_skills (course_id, skill_id, source) VALUES ('lb-course', 'lb-skill', 'test');
            INSERT INTO lrs.skill_targets (id, organisation_id, skill_id, required_level, business_priority, source)
            VALUES ('lb-target', 'lb-org', 'lb-skill', 3, 'high', 'test');
            INSERT INTO lrs.content_items (id, course_id, topic_id, type, title, duration_s, source)
            VALUES ('lb-video', 'lb-course', 'lb-course-t1', 'video', 'Batch video', 600, 'test'),
                   ('lb-quiz-item', 'lb-course', 'lb-course-t2', 'quiz', NULL, NULL, 'test');
            INSERT INTO lrs.assessments (id, course_id, topic_id, kind, weight, title, source)
            VALUES ('lb-quiz', 'lb-course', 'lb-course-t1', 'quiz', 10, 'Batch quiz', 'test');
            """);
        foreach (var (learner, index) in ZonedLearners.Select((l, i) => (l, i)))
        {
            await TestStore.UserAsync(learner, Organisation, null, "learner");
            await TestStore.EnrolAsync(learner, Course, new DateOnly(2024, 12, 1));
            // 11:30 UTC on asOf is already the next day in Auckland (UTC+13): outside the learner's windows there, inside in UTC.
            await TestStore.ExecuteAsync(
                """
                INSERT INTO lrs.topic_completions (user_id, topic_id, completed_at, source)
                VALUES (@learner, 'lb-course-t1', TIMESTAMPTZ '2025-01-31 11:30Z', 'test'),
                       (@learner, 'lb-course-t2', TIMESTAMPTZ '2025-01-24 10:00Z' - @index * INTERVAL '1 day', 'test');
                INSERT INTO lrs.sessions (user_id, started_at, duration_s, source)
                VALUES (@learner, TIMESTAMPTZ '2025-01-31 11:30Z', 1800, 'test'),
                       (@learner, TIMESTAMPTZ '2025-01-20 11:30Z', 2400 + 600 * @index, 'test');
                INSERT INTO lrs.practice_sessions (id, user_id, topic_id, skill_id, started_at, passed, source)
                VALUES (@learner || '-practice', @learner, 'lb-course-t2', NULL, TIMESTAMPTZ '2025-01-23 11:30Z', true, 'test');
                INSERT INTO lrs.activity_days (user_id, course_id, content_item_id, day, events, minutes, source)
                VALUES (@learner, 'lb-course', 'lb-video', DATE '2025-01-18', 6 + @index, 9, 'test'),
                       (@learner, 'lb-course', 'lb-quiz-item', DATE '2025-01-29', 3, NULL, 'test');
                INSERT INTO lrs.submissions (id, assessment_id, user_id, submitted_on, score_pct, source)
                VALUES (@learner || '-s1', 'lb-quiz', @learner, DATE '2025-01-22', 64 + 20 * @index, 'test');
                INSERT INTO lrs.user_skills (user_id, skill_id, level, source) VALUES (@learner, 'lb-skill', 1 + @index, 'test');
                """,
                new { learner, index });
        }
    }

    [TestCaseSource(nameof(Analytics))]
    public async Task ComputeAsync_ForAChunkOfLearners_EqualsTheSingleLearnerHandlerPayloadByPayload(string analytic)
    {
        using var scope = TestHost.Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var definition = services.GetRequiredService<SnapshotAnalytics>().Find("learner", analytic)!;
        string[] chunk = [.. _demoLearners, .. ZonedLearners, UnknownLearner];

        var computed = await definition.ComputeAsync(services, chunk, CancellationToken.None);

        Assert.That(_demoLearners, Has.Length.EqualTo(30), "the tiny preset holds at least 30 learners of org-123");
        Assert.That(computed.Select(c => c.SubjectId), Is.EqualTo(chunk), "one computation per id, in order");
        Assert.That(computed.Count(c => c.Result?.PayloadBase.DataStatus != DataStatuses.NoData), Is.GreaterThan(2),
            "the comparison runs on learners with data, not only on empty payloads");
        foreach (var (id, computation) in chunk.Zip(computed).Where(p => p.First != UnknownLearner))
        {
            var single = await SingleLearner[analytic](services, id);
            Assert.That(computation.Error, Is.Null, $"{analytic} for {id}");
            var batch = computation.Result!;
            Assert.Multiple(() =>
            {
                Assert.That(Serialise(batch.PayloadBase, json), Is.EqualTo(Serialise(single.PayloadBase, json)), $"{analytic} payload of {id}");
                Assert.That(batch.Subject, Is.EqualTo(single.Subject));
                Assert.That(batch.Analytic, Is.EqualTo(analytic));
                Assert.That(batch.Source, Is.EqualTo(single.Source));
                Assert.That(batch.DataAsOf, Is.EqualTo(single.DataAsOf));
            });
        }

        Assert.Multiple(() =>
        {
            Assert.That(computed[0].Result!.PayloadBase.AsOf, Is.EqualTo(new DateOnly(2025, 3, 14)), "org-123's reference date");
            Assert.That(computed[^3].Result!.PayloadBase.AsOf, Is.EqualTo(AnalysisDate.AddDays(-1)), "lb-org's own reference date in the same chunk");
        });
    }

    [TestCaseSource(nameof(Analytics))]
    public async Task ComputeAsync_WithAnUnknownLearner_FailsThatLearnerOnlyAsTheSingleLearnerHandlerDoes(string analytic)
    {
        using var scope = TestHost.Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var definition = services.GetRequiredService<SnapshotAnalytics>().Find("learner", analytic)!;

        var computed = await definition.ComputeAsync(services, [ZonedLearners[0], UnknownLearner, ZonedLearners[1]], CancellationToken.None);

        var single = await Assert.ThrowsAsync<ApiProblemException>(() => SingleLearner[analytic](services, UnknownLearner));
        Assert.Multiple(() =>
        {
            Assert.That(single!.Code, Is.EqualTo("SUBJECT_NOT_FOUND"));
            Assert.That(computed[1].Result, Is.Null);
            Assert.That((computed[1].Error as ApiProblemException)?.Code, Is.EqualTo("SUBJECT_NOT_FOUND"));
            Assert.That(computed[0].Error, Is.Null);
            Assert.That(computed[0].Result?.Subject.Id, Is.EqualTo(ZonedLearners[0]));
            Assert.That(computed[2].Error, Is.Null);
            Assert.That(computed[2].Result?.Subject.Id, Is.EqualTo(ZonedLearners[1]));
        });
    }

    [Test]
    public void EveryLearnerAnalytic_IsComputedSetBased()
    {
        using var scope = TestHost.Factory.Services.CreateScope();
        var learner = scope.ServiceProvider.GetRequiredService<SnapshotAnalytics>().ForSubjectType("learner")
            .Where(a => Analytics().Contains(a.Analytic))
            .ToArray();

        Assert.That(learner.Select(a => a.Analytic), Is.EquivalentTo(Analytics()));
        Assert.That(learner.Select(a => a.GetType().BaseType!.GetGenericTypeDefinition()), Has.All.EqualTo(typeof(BatchSnapshotAnalytic<,>)));
    }

    private static THandler Handler<THandler>(IServiceProvider services) => ActivatorUtilities.CreateInstance<THandler>(services);

    private static string Serialise(AnalyticPayload payload, JsonSerializerOptions json) => JsonSerializer.Serialize(payload, payload.GetType(), json);
}
