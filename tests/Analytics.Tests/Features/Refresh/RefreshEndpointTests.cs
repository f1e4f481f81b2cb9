using System.Net;
using System.Text.Json.Nodes;
using Analytics.Api.Shared.Freshness;
using Analytics.Tests.Infrastructure;
using Analytics.Tests.Shared.Freshness;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Features.Refresh;

/// <summary>API.md §4.6: manual refresh jobs, their progress, one live job per subject, access and validation.</summary>
public sealed class RefreshEndpointTests
{
    private const string Path = "/api/v1/analytics/refresh";

    [SetUp]
    public Task EmptyTheQueue() => RefreshTestJobs.DrainAsync();

    [TearDown]
    public Task LeaveTheQueueEmpty() => RefreshTestJobs.DrainAsync();

    [Test]
    public async Task Post_ThenTheWorkerRuns_GoesQueuedRunningCompletedWithRisingProgress()
    {
        var learner = await LearnerAsync(10);
        var token = TestTokens.Mint(learner, ["learner"], "org-123");
        using var gate = new SemaphoreSlim(0);
        await using var gated = new AnalyticsApiFactory(TestHost.ConnectionString).WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services =>
            {
                // The gated stand-in takes the place of the real gamification analytic (one analytic per id in the registry).
                foreach (var real in services.Where(d => d.ImplementationType == typeof(Analytics.Api.Features.Gamification.Stats.GamificationStatsSnapshot)).ToArray())
                {
                    services.Remove(real);
                }

                services.AddSingleton<ISnapshotAnalytic>(new GatedAnalytic(gate));
            }));
        _ = gated.Server;

        using var accepted = await ApiClient.PostJsonAsync(Path, new { userId = learner, analytics = new[] { "engagement", "gamification", "velocity" } }, token);
        var body = await ApiClient.ReadJsonAsync(accepted);
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body.ToJsonString());
        var jobId = body["jobId"]!.GetValue<string>();
        var queued = await StatusAsync(jobId, token);

        var worker = gated.Services.GetRequiredService<RefreshWorker>();
        var run = Task.Run(() => worker.RunNextAsync("gated-test", CancellationToken.None));
        var running = await PollAsync(jobId, token, s => s["status"]!.GetValue<string>() == "running" && s["progress"]!.GetValue<int>() > 5);
        gate.Release();
        Assert.That(await run, Is.True);
        var completed = await StatusAsync(jobId, token);

        Assert.Multiple(() =>
        {
            Assert.That(accepted.Headers.Location?.ToString(), Is.EqualTo($"{Path}/{jobId}"));
            Assert.That(jobId, Does.Match("^job_[0-9A-HJKMNP-TV-Z]{26}$"));
            Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("queued"));
            Assert.That(body["queuedAnalytics"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "velocity", "engagement", "gamification" }));
            Assert.That(body["subject"]!.ToJsonString(), Is.EqualTo($$"""{"type":"learner","id":"{{learner}}"}"""));
            Assert.That(body["role"]!.GetValue<string>(), Is.EqualTo("learner"));
            Assert.That(body["statusUrl"]!.GetValue<string>(), Is.EqualTo($"{Path}/{jobId}"));
            Assert.That(DateTimeOffset.Parse(body["estimatedCompletion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                Is.GreaterThan(DateTimeOffset.UtcNow.AddSeconds(-5)));

            Assert.That(queued["status"]!.GetValue<string>(), Is.EqualTo("queued"));
            Assert.That(queued["progress"]!.GetValue<int>(), Is.Zero);
            Assert.That(queued["stage"]!.GetValue<string>(), Is.EqualTo("queued"));
            Assert.That(queued["trigger"]!.GetValue<string>(), Is.EqualTo("manual"));
            Assert.That(queued["startedAt"], Is.Null);

            Assert.That(running["stage"]!.GetValue<string>(), Is.EqualTo("computing"));
            Assert.That(running["progress"]!.GetValue<int>(), Is.InRange(6, 99));
            Assert.That(running["startedAt"], Is.Not.Null);

            Assert.That(completed["status"]!.GetValue<string>(), Is.EqualTo("completed"));
            Assert.That(completed["progress"]!.GetValue<int>(), Is.EqualTo(100));
            Assert.That(completed["stage"]!.GetValue<string>(), Is.EqualTo("done"));
            Assert.That(completed["completedAt"], Is.Not.Null);
            Assert.That(completed["error"], Is.Null);
            Assert.That(completed["results"]!.AsArray().Select(r => $"{r!["analytic"]}:{r["status"]}:{r["computedAt"] is not null}"),
                Is.EqualTo(new[] { "velocity:completed:True", "engagement:completed:True", "gamification:failed:False" }));
        });
        var stored = await TestStore.ScalarAsync<long>(
            "SELECT count(*) FROM analytics.analytics_snapshots WHERE subject_id = @learner AND job_id = @jobId", new { learner, jobId });
        Assert.That(stored, Is.EqualTo(2), "velocity and engagement stored under the job");
    }

    [Test]
    public async Task Post_WhileTheSubjectHasAQueuedJob_Returns409WithThatJobAndMergesTheAnalytics()
    {
        var learner = await LearnerAsync(11);
        var token = TestTokens.Mint(learner, ["learner"], "org-123");
        using var first = await ApiClient.PostJsonAsync(Path, new { userId = learner, analytics = new[] { "velocity" } }, token);
        var jobId = (await ApiClient.ReadJsonAsync(first))["jobId"]!.GetValue<string>();

        using var second = await ApiClient.PostJsonAsync(Path, new { user_id = learner, analytics = new[] { "learner-engagement" } }, token);

        var problem = await ApiClient.AssertProblemAsync(second, HttpStatusCode.Conflict, "REFRESH_IN_PROGRESS");
        var status = await StatusAsync(jobId, token);
        Assert.Multiple(() =>
        {
            Assert.That(problem["jobId"]!.GetValue<string>(), Is.EqualTo(jobId));
            Assert.That(second.Headers.Location?.ToString(), Is.EqualTo($"{Path}/{jobId}"));
            Assert.That(status["analytics"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EquivalentTo(new[] { "velocity", "engagement" }));
        });
    }

    [Test]
    public async Task Envelope_WhileItsSubjectIsQueued_SaysRefreshingWithTheJobId()
    {
        var learner = await LearnerAsync(12);
        var token = TestTokens.Mint(learner, ["learner"], "org-123");
        using var accepted = await ApiClient.PostJsonAsync(Path, new { userId = learner, analytics = "learner" }, token);
        var body = await ApiClient.ReadJsonAsync(accepted);

        using var read = await ApiClient.GetAsync($"/api/v1/learner/analytics/velocity/{learner}", token);
        var meta = (await ApiClient.ReadJsonAsync(read))["meta"]!;

        Assert.Multiple(() =>
        {
            Assert.That(body["queuedAnalytics"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(RoleFamilies.AnalyticsOf("learner")));
            Assert.That(meta["refreshing"]!.GetValue<bool>(), Is.True);
            Assert.That(meta["refreshJobId"]!.GetValue<string>(), Is.EqualTo(body["jobId"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task Post_TrainerRefreshingAStudent_WithRoleLearner_Returns202()
    {
        var student = await TestStore.ScalarAsync<string>(
            "SELECT e.user_id FROM lrs.enrolments e JOIN lrs.course_trainers ct ON ct.course_id = e.course_id AND ct.user_id = 'trainer-456' " +
            "ORDER BY e.user_id LIMIT 1");
        var token = await ApiClient.TokenAsync("trainer@test.com");

        using var response = await ApiClient.PostJsonAsync(Path, new { userId = student, role = "learner", analytics = new[] { "mastery" } }, token);

        var body = await ApiClient.ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body.ToJsonString());
            Assert.That(body["role"]!.GetValue<string>(), Is.EqualTo("learner"));
        });
    }

    [Test]
    public async Task Post_ForTheTrainerFamily_QueuesTheTrainerSubject()
    {
        var token = await ApiClient.TokenAsync("trainer@test.com");

        using var response = await ApiClient.PostJsonAsync(Path, new { userId = "trainer-456", analytics = new[] { "course-health" } }, token);

        var body = await ApiClient.ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body.ToJsonString());
            Assert.That(body["subject"]!.ToJsonString(), Is.EqualTo("""{"type":"trainer","id":"trainer-456"}"""));
            Assert.That(body["role"]!.GetValue<string>(), Is.EqualTo("trainer"));
        });
    }

    [Test]
    public async Task Post_ForAnotherLearner_Returns403()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");
        var other = await LearnerAsync(13);

        using var response = await ApiClient.PostJsonAsync(Path, new { userId = other }, token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [TestCase("""{"userId":"learner-123","analytics":["velocity","course-health"]}""", "analytics[1]")]
    [TestCase("""{"analytics":["velocity"]}""", "userId")]
    [TestCase("""{"userId":"bad id"}""", "userId")]
    [TestCase("""{"userId":"learner-123","role":"admin"}""", "role")]
    [TestCase("""{"userId":"learner-123","analytics":[]}""", "analytics")]
    [TestCase("""{"userId":"learner-123","analytics":42}""", "analytics")]
    public async Task Post_WithAnInvalidBody_Returns400NamingTheField(string json, string field)
    {
        var token = await ApiClient.TokenAsync("learner@test.com");
        using var client = TestHost.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);

        using var response = await client.SendAsync(request);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), body.ToJsonString());
    }

    [Test]
    public async Task Post_MoreThan25Analytics_Returns400()
    {
        var token = await ApiClient.TokenAsync("learner@test.com");

        using var response = await ApiClient.PostJsonAsync(Path, new { userId = "learner-123", analytics = Enumerable.Repeat("velocity", 26) }, token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["analytics"], Is.Not.Null);
    }

    [Test]
    public async Task Get_AnotherLearnersJob_Returns404LikeAnUnknownJob()
    {
        var owner = await LearnerAsync(14);
        using var accepted = await ApiClient.PostJsonAsync(Path, new { userId = owner }, TestTokens.Mint(owner, ["learner"], "org-123"));
        var jobId = (await ApiClient.ReadJsonAsync(accepted))["jobId"]!.GetValue<string>();
        var stranger = await ApiClient.TokenAsync("learner@test.com");

        using var foreign = await ApiClient.GetAsync($"{Path}/{jobId}", stranger);
        using var unknown = await ApiClient.GetAsync($"{Path}/job_00000000000000000000000000", stranger);
        using var asAdmin = await ApiClient.GetAsync($"{Path}/{jobId}", await ApiClient.TokenAsync("admin@test.com"));

        await ApiClient.AssertProblemAsync(foreign, HttpStatusCode.NotFound, "JOB_NOT_FOUND");
        await ApiClient.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "JOB_NOT_FOUND");
        Assert.That(asAdmin.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an org-admin reads the jobs of the organisation's learners");
    }

    [Test]
    public async Task Post_PastFivePerTenMinutes_Returns429WithNextAllowedAt()
    {
        await using var factory = new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?>
        {
            ["RateLimits:refresh:Limit"] = "5",
            ["RateLimits:refresh:WindowSeconds"] = "600",
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint("learner-123", ["learner"], "org-123"));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last?.Dispose();
            last = await client.PostAsync(new Uri(Path, UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { userId = "learner-123" }));
            statuses.Add(last.StatusCode);
        }

        var body = await ApiClient.AssertProblemAsync(last!, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Take(5), Is.All.AnyOf(HttpStatusCode.Accepted, HttpStatusCode.Conflict), "every request counts, 409s too");
            Assert.That(body["policy"]!.GetValue<string>(), Is.EqualTo("refresh"));
            Assert.That(body["limit"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(body["windowSeconds"]!.GetValue<int>(), Is.EqualTo(600));
            Assert.That(body["nextAllowedAt"], Is.Not.Null);
            Assert.That(last!.Headers.GetValues("RateLimit-Policy").Single(), Is.EqualTo("5;w=600"));
        });
        last!.Dispose();
    }

    private static async Task<JsonObject> StatusAsync(string jobId, string token)
    {
        using var response = await ApiClient.GetAsync($"{Path}/{jobId}", token);
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }

    private static async Task<JsonObject> PollAsync(string jobId, string token, Func<JsonObject, bool> until)
    {
        for (var i = 0; i < 200; i++)
        {
            var status = await StatusAsync(jobId, token);
            if (until(status))
            {
                return status;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Job {jobId} never reached the awaited state.");
        return null!;
    }

    private static async Task<string> LearnerAsync(int offset) =>
        (await TestStore.ScalarAsync<string>(
            "SELECT u.id FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner' " +
            "WHERE u.organisation_id = 'org-123' AND u.id <> 'learner-123' ORDER BY u.id OFFSET @offset LIMIT 1", new { offset }))!;
}
