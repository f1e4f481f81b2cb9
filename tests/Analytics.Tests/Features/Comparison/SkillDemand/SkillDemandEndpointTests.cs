using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Comparison.SkillDemand;

/// <summary>
/// `GET /comparison/skill-demand` end to end on an organisation of its own (scope=organisation): e, v and p from the store, the
/// row rule of k, trend and growth, the reader's gap insight, filters, validation and every role.
/// </summary>
public sealed class SkillDemandEndpointTests
{
    private const string Org = "cp-sd";
    private static readonly DateOnly AsOf = new(2025, 3, 14);

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        for (var i = 1; i <= 30; i++)
        {
            await TestStore.UserAsync($"cp-sd-l{i}", Org, i == 1 ? "cp.sd.l1@example.test" : null, "learner");
        }

        await TestStore.UserAsync("cp-sd-admin", Org, "cp.sd.admin@example.test", "org-admin");
        await TestStore.UserAsync("cp-sd-trainer", Org, "cp.sd.trainer@example.test", "trainer");
        await TestStore.UserAsync("cp-sd-pa", Org, "cp.sd.pa@example.test", "platform-admin");
        foreach (var course in new[] { "cp-sd-c1", "cp-sd-c2", "cp-sd-c3", "cp-sd-c4" })
        {
            await TestStore.CourseAsync(course, Org, topics: 1, null, null);
        }

        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.skills (id, name, category, source) VALUES
                ('cp-sd-s1', 'CP Alpha', 'cp-cat-a', 'test'), ('cp-sd-s2', 'CP Beta', 'cp-cat-b', 'test'),
                ('cp-sd-s3', 'CP Gamma', 'cp-cat-b', 'test'), ('cp-sd-s4', 'CP Delta', 'cp-cat-a', 'test');
            INSERT INTO lrs.course_skills (course_id, skill_id, source) VALUES
                ('cp-sd-c1', 'cp-sd-s1', 'test'), ('cp-sd-c2', 'cp-sd-s2', 'test'), ('cp-sd-c4', 'cp-sd-s4', 'test');
            INSERT INTO lrs.topic_skills (topic_id, skill_id, source) VALUES ('cp-sd-c3-t1', 'cp-sd-s3', 'test');
            INSERT INTO lrs.skill_targets (id, organisation_id, department_id, skill_id, required_level, business_priority, source) VALUES
                ('cp-sd-t1', 'cp-sd', NULL, 'cp-sd-s1', 2, 'high', 'test'),
                ('cp-sd-t2', 'cp-sd', NULL, 'cp-sd-s2', 1, 'critical', 'test'),
                ('cp-sd-t3', 'cp-sd', NULL, 'cp-sd-s3', 1, 'low', 'test');
            -- Paths created in the window by learners 1–10, through a topic teaching s3.
            INSERT INTO lrs.learning_paths (id, user_id, title, created_at, source)
            SELECT 'cp-sd-p' || n, 'cp-sd-l' || n, 'Path', timestamptz '2025-02-01 10:00Z', 'test' FROM generate_series(1, 10) AS n;
            INSERT INTO lrs.learning_path_topics (path_id, position, topic_id, source)
            SELECT 'cp-sd-p' || n, 0, 'cp-sd-c3-t1', 'test' FROM generate_series(1, 10) AS n;
            -- s1 acquired by 6 learners in the window and by 3 in the previous one.
            INSERT INTO lrs.user_skills (user_id, skill_id, level, acquired, acquired_on, source)
            SELECT 'cp-sd-l' || n, 'cp-sd-s1', 2, true, date '2025-01-20', 'test' FROM generate_series(1, 6) AS n;
            INSERT INTO lrs.user_skills (user_id, skill_id, level, acquired, acquired_on, source)
            SELECT 'cp-sd-l' || n, 'cp-sd-s1', 1, true, date '2024-05-01', 'test' FROM generate_series(21, 23) AS n;
            """);

        // e: s1 20 learners now and 10 in the previous window, s2 10, s4 5 (below k); s3 only has paths.
        for (var i = 1; i <= 20; i++)
        {
            await TestStore.EnrolAsync($"cp-sd-l{i}", "cp-sd-c1", new DateOnly(2025, 1, 10));
        }

        for (var i = 21; i <= 30; i++)
        {
            await TestStore.EnrolAsync($"cp-sd-l{i}", "cp-sd-c1", new DateOnly(2024, 6, 1));
        }

        for (var i = 1; i <= 10; i++)
        {
            await TestStore.EnrolAsync($"cp-sd-l{i}", "cp-sd-c2", new DateOnly(2025, 1, 10));
        }

        for (var i = 1; i <= 5; i++)
        {
            await TestStore.EnrolAsync($"cp-sd-l{i}", "cp-sd-c4", new DateOnly(2025, 1, 10));
        }
    }

    [Test]
    public async Task Get_OrganisationScopeAsOrgAdmin_ReturnsTheDemandOfTheStore()
    {
        var token = await ApiClient.TokenAsync("cp.sd.admin@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/skill-demand?scope=organisation", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var meta = body["meta"]!.AsObject();
        var rows = data["skillDemand"]!.AsArray().Select(r => r!.AsObject()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].Select(p => p.Key), Is.EqualTo(new[]
            {
                "skillId", "skillName", "demandScore", "trend", "trendPercentage", "jobPostings", "averageSalary", "growthRate",
            }));
            Assert.That(rows.Select(r => r["skillId"]!.GetValue<string>()), Is.EqualTo(new[] { "cp-sd-s1", "cp-sd-s2", "cp-sd-s3" }));
            // s1: 0.40·20/20 + 0.35·0.75/1 = 0.6625; s2: 0.40·10/20 + 0.35·1 = 0.55; s3: 0.35·0.25 + 0.25·10/10 = 0.3375.
            Assert.That(rows.Select(r => r["demandScore"]!.GetValue<double>()), Is.EqualTo(new[] { 0.663, 0.55, 0.338 }));
            Assert.That(rows.Select(r => r["trend"]!.GetValue<string>()), Is.EqualTo(new[] { "increasing", "increasing", "stable" }));
            Assert.That(rows[0]["trendPercentage"]!.GetValue<double>(), Is.EqualTo(100.0));
            Assert.That(rows[1]["trendPercentage"], Is.Null);
            Assert.That(rows[0]["growthRate"]!.GetValue<double>(), Is.EqualTo(1.0));
            Assert.That(rows[1]["growthRate"], Is.Null);
            Assert.That(rows.All(r => r.ContainsKey("jobPostings") && r["jobPostings"] is null && r["averageSalary"] is null), Is.True);
            foreach (var field in new[] { "industryTrends", "geographicDistribution", "salaryRanges" })
            {
                Assert.That(data.ContainsKey(field) && data[field] is null, Is.True, field);
            }

            Assert.That(data["notAvailable"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[]
            {
                "skillDemand[].jobPostings", "skillDemand[].averageSalary", "industryTrends", "geographicDistribution", "salaryRanges",
            }));
            Assert.That(data["marketInsights"]!.AsArray().Select(i => i!["insight"]!.GetValue<string>()), Is.EqualTo(new[]
            {
                "CP Alpha has the highest demand in your organisation (demand score 0.663).",
                "CP Alpha is acquired fastest: +100% against the previous 6 months.",
                "CP Alpha is in high demand and employees of your organisation are below its target level.",
            }));
            Assert.That(data["marketInsights"]![0]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "insight", "priority", "recommendation" }));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("skill-demand@1.0"));
            Assert.That(data["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(meta["subject"]!.ToJsonString(), Is.EqualTo("""{"type":"organisation","id":"cp-sd"}"""));
            // s4 has 5 learners behind it: removed and counted.
            Assert.That(meta["suppression"]!.ToJsonString(), Is.EqualTo("""{"reason":"SEGMENTS_TOO_SMALL","minGroupSize":10,"suppressedSegments":1}"""));
        });
    }

    [Test]
    public async Task Get_AsLearner_TheLastInsightIsTheHighestDemandSkillOfTheirOwnGaps()
    {
        var token = await ApiClient.TokenAsync("cp.sd.l1@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/skill-demand?scope=organisation", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        // Learner 1 meets s1 (level 2 of 2) and lacks s2 and s3: s2 is the highest-demand gap.
        Assert.That(body["data"]!["marketInsights"]!.AsArray().Last()!["insight"]!.GetValue<string>(),
            Is.EqualTo("CP Beta is in high demand and is one of your skill gaps."));
    }

    [Test]
    public async Task Get_WithFilters_NarrowsTheRowsAndKeepsTheScores()
    {
        var token = await ApiClient.TokenAsync("cp.sd.admin@example.test");

        using var category = await ApiClient.GetAsync("/api/v1/comparison/skill-demand?scope=organisation&skillCategory=cp-cat-b&limit=1", token);
        using var chosen = await ApiClient.GetAsync("/api/v1/comparison/skill-demand?scope=organisation&skills=cp-sd-s3,cp-sd-s4", token);
        var byCategory = (await ApiClient.ReadJsonAsync(category))["data"]!["skillDemand"]!.AsArray();
        var chosenBody = await ApiClient.ReadJsonAsync(chosen);

        Assert.Multiple(() =>
        {
            Assert.That(byCategory.Select(r => r!["skillId"]!.GetValue<string>()), Is.EqualTo(new[] { "cp-sd-s2" }));
            Assert.That(chosenBody["data"]!["skillDemand"]!.AsArray().Select(r => (r!["skillId"]!.GetValue<string>(), r["demandScore"]!.GetValue<double>())),
                Is.EqualTo(new[] { ("cp-sd-s3", 0.338) }));
            Assert.That(chosenBody["meta"]!["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(1), "s4 is asked for and withheld");
            Assert.That(chosenBody["cached"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task Get_ThreeMonths_ComparesWithThePreviousThreeMonths()
    {
        var token = await ApiClient.TokenAsync("cp.sd.admin@example.test");

        using var response = await ApiClient.GetAsync("/api/v1/comparison/skill-demand?scope=organisation&timeframe=3months", token);
        var rows = (await ApiClient.ReadJsonAsync(response))["data"]!["skillDemand"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(rows[0]!["skillId"]!.GetValue<string>(), Is.EqualTo("cp-sd-s1"));
            Assert.That(rows[0]!["trendPercentage"], Is.Null, "no enrolment in the 3 months before");
            Assert.That(rows[0]!["growthRate"], Is.Null, "no acquisition in the 3 months before");
        });
    }

    [TestCase("learner")]
    [TestCase("trainer")]
    [TestCase("org-admin")]
    [TestCase("platform-admin")]
    public async Task Get_PlatformDefault_IsOpenToEveryRole(string role)
    {
        var email = role switch
        {
            "learner" => "cp.sd.l1@example.test",
            "trainer" => "cp.sd.trainer@example.test",
            "org-admin" => "cp.sd.admin@example.test",
            _ => "cp.sd.pa@example.test",
        };
        var token = await ApiClient.TokenAsync(email);

        using var response = await ApiClient.GetAsync("/api/v1/comparison/skill-demand", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(body["meta"]!["subject"]!.ToJsonString(), Is.EqualTo("""{"type":"platform","id":"platform"}"""));
            Assert.That(body["meta"]!["activeRole"]!.GetValue<string>(), Is.EqualTo(role));
            Assert.That(body["data"]!["skillDemand"]!.AsArray().Select(r => r!["demandScore"]!.GetValue<double>()), Is.All.InRange(0.0, 1.0));
        });
    }

    [Test]
    public async Task Get_DemoUsers_Return200WithThePayloadFields()
    {
        var learner = await ApiClient.TokenAsync("learner@test.com");
        var admin = await ApiClient.TokenAsync("admin@test.com");

        using var platform = await ApiClient.GetAsync("/api/v1/comparison/skill-demand", learner);
        using var organisation = await ApiClient.GetAsync("/api/v1/comparison/skill-demand?scope=organisation", admin, "org-admin");
        var platformBody = await ApiClient.ReadJsonAsync(platform);
        var organisationBody = await ApiClient.ReadJsonAsync(organisation);

        Assert.That(platform.StatusCode, Is.EqualTo(HttpStatusCode.OK), platformBody.ToJsonString());
        Assert.That(organisation.StatusCode, Is.EqualTo(HttpStatusCode.OK), organisationBody.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(platformBody["data"]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[]
            {
                "skillDemand", "marketInsights", "industryTrends", "geographicDistribution", "salaryRanges", "definitionVersion", "asOf",
                "notAvailable", "dataStatus", "source",
            }));
            Assert.That(organisationBody["meta"]!["subject"]!.ToJsonString(), Is.EqualTo("""{"type":"organisation","id":"org-123"}"""));
            Assert.That(organisationBody["data"]!["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            var rows = organisationBody["data"]!["skillDemand"]!.AsArray();
            Assert.That(rows, Is.Not.Empty, "the demo organisation has enrolments in courses that teach skills");
            Assert.That(rows[0]!["demandScore"]!.GetValue<double>(), Is.InRange(0.0, 1.0));
        });
    }

    [TestCase("scope=world", "scope")]
    [TestCase("timeframe=2years", "timeframe")]
    [TestCase("skillCategory=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "skillCategory")]
    [TestCase("skills=a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u", "skills")]
    [TestCase("skills=bad%20id", "skills")]
    [TestCase("limit=0", "limit")]
    [TestCase("limit=51", "limit")]
    [TestCase("limit=ten", "limit")]
    public async Task Get_WithAnInvalidParameter_Returns400NamingIt(string query, string field)
    {
        var token = await ApiClient.TokenAsync("cp.sd.l1@example.test");

        using var response = await ApiClient.GetAsync($"/api/v1/comparison/skill-demand?{query}", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]![field], Is.Not.Null, body.ToJsonString());
    }

    [Test]
    public async Task Get_WithoutAToken_Returns401()
    {
        using var response = await ApiClient.GetAsync("/api/v1/comparison/skill-demand", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
