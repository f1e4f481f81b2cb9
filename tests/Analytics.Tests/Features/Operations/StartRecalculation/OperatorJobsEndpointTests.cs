using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Operations.StartRecalculation;

/// <summary>
/// The operator endpoints of API.md §4.9 end to end: `POST /admin/recalculations` runs in the background through the scheduler
/// and answers 202 with the generic job object, 409 while a run is running; `GET /admin/jobs` lists refresh jobs and batch runs
/// with the pagination of §7; `GET /admin/jobs/{jobId}` is 404 for an unknown id; every other role gets 403. (The operator
/// class allows 30 requests a minute per user: these tests stay well below.)
/// </summary>
public sealed class OperatorJobsEndpointTests
{
    private const string Org = "rc-org";
    private string _operator = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, new DateOnly(2025, 3, 15));
        await TestStore.UserAsync("rc-learner-1", Org, "rc.learner1@example.test", "learner");
        await TestStore.UserAsync("rc-learner-2", Org, null, "learner");
        await TestStore.UserAsync("rc-admin", Org, "rc.admin@example.test", "org-admin");
        _operator = await ApiClient.TokenAsync("operator@test.com");
    }

    [Test]
    public async Task Post_AsPlatformAdmin_Returns202WithTheJobAndRunsItInTheBackground()
    {
        using var response = await ApiClient.PostJsonAsync("/api/v1/admin/recalculations",
            new { organisationId = Org, analytics = new[] { "learner-velocity", "engagement" } }, _operator);
        var job = await ApiClient.ReadJsonAsync(response);
        var jobId = job["jobId"]?.GetValue<string>() ?? string.Empty;
        await WaitForRunAsync(jobId);
        using var done = await ApiClient.GetAsync("/api/v1/admin/jobs/" + jobId, _operator);
        var finished = await ApiClient.ReadJsonAsync(done);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), job.ToJsonString());
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/api/v1/admin/jobs/" + jobId));
            Assert.That(jobId, Does.Match("^job_[0-9A-Z]{26}$"));
            Assert.That(job["type"]!.GetValue<string>(), Is.EqualTo("recalculation"));
            Assert.That(job["status"]!.GetValue<string>(), Is.AnyOf("queued", "running", "completed"));
            Assert.That(job["trigger"]!.GetValue<string>(), Is.EqualTo("manual"));
            Assert.That(job["requestedBy"]!.GetValue<string>(), Is.EqualTo("operator-000"));
            Assert.That(job["parameters"]!["organisationId"]!.GetValue<string>(), Is.EqualTo(Org));
            Assert.That(job["parameters"]!["analytics"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "velocity", "engagement" }));
            Assert.That(job["createdAt"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(job.Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "jobId", "type", "status", "progress", "stage", "trigger", "requestedBy", "parameters", "counters", "createdAt", "startedAt",
                "completedAt", "error",
            }));

            Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(finished["status"]!.GetValue<string>(), Is.EqualTo("completed"), finished.ToJsonString());
            Assert.That(finished["progress"]!.GetValue<int>(), Is.EqualTo(100));
            Assert.That(finished["stage"]!.GetValue<string>(), Is.EqualTo("done"));
            Assert.That(finished["counters"]!.ToJsonString(), Is.EqualTo("""{"total":2,"processed":2,"failed":0}"""));
            Assert.That(finished["startedAt"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(finished["completedAt"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(finished["error"], Is.Null);
        });
    }

    [Test]
    public async Task Post_WhileARecalculationRuns_Returns409WithItsJobId()
    {
        const string Running = "job_rc_running";
        await TestStore.ExecuteAsync(
            """
            INSERT INTO analytics.batch_runs (id, kind, run_date, trigger, status, ref_time, started_at, heartbeat_at, instance)
            VALUES (@Running, 'recalculation', current_date, 'manual', 'running', now(), now(), now(), 'elsewhere')
            """, new { Running });
        try
        {
            using var response = await ApiClient.PostJsonAsync("/api/v1/admin/recalculations", null, _operator);
            var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.Conflict, "JOB_ALREADY_RUNNING");

            Assert.That(problem["jobId"]!.GetValue<string>(), Is.EqualTo(Running));
        }
        finally
        {
            await TestStore.ExecuteAsync("DELETE FROM analytics.batch_runs WHERE id = @Running", new { Running });
        }
    }

    [Test]
    public async Task Post_WithAnAnalyticThatHasNoStoredView_Returns400NamingTheElement()
    {
        using var response = await ApiClient.PostJsonAsync("/api/v1/admin/recalculations",
            new { organisationId = "bad id", analytics = new[] { "velocity", "no-such-analytic" } }, _operator);
        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "organisationId", "analytics[1]" }));
    }

    [TestCase("learner@test.com", "POST", "/api/v1/admin/recalculations")]
    [TestCase("admin@test.com", "GET", "/api/v1/admin/jobs")]
    [TestCase("trainer@test.com", "GET", "/api/v1/admin/jobs/job_01JABCDEFGHJKMNPQRSTVWXYZ0")]
    public async Task Operator_UnderAnotherRole_Returns403(string email, string method, string path)
    {
        var token = await ApiClient.TokenAsync(email);

        using var response = method == "POST" ? await ApiClient.PostJsonAsync(path, null, token) : await ApiClient.GetAsync(path, token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }

    [Test]
    public async Task Get_UnknownJob_Returns404()
    {
        using var response = await ApiClient.GetAsync("/api/v1/admin/jobs/job_01JABCDEFGHJKMNPQRSTVWXYZ0", _operator);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "JOB_NOT_FOUND");
    }

    [Test]
    public async Task List_FiltersByTypeAndStatusAndPagesNewestFirst()
    {
        await TestStore.ExecuteAsync(
            """
            DELETE FROM analytics.refresh_jobs WHERE id LIKE 'job_rc_refresh%';
            INSERT INTO analytics.refresh_jobs (id, subject_type, subject_id, role, analytics, trigger, status, progress, stage, requested_by,
                                                requested_at, started_at, finished_at, result)
            VALUES ('job_rc_refresh_1', 'learner', 'rc-learner-1', 'learner', '{velocity,engagement}', 'manual', 'completed', 100, 'done',
                    'rc-learner-1', '2099-01-01T00:00:00Z', '2099-01-01T00:00:01Z', '2099-01-01T00:00:02Z',
                    '[{"analytic":"velocity","status":"completed"},{"analytic":"engagement","status":"failed"}]'),
                   ('job_rc_refresh_2', 'learner', 'rc-learner-2', 'learner', '{velocity}', 'stale-read', 'failed', 40, 'done',
                    NULL, '2099-01-01T00:00:00Z', NULL, '2099-01-01T00:00:03Z', NULL);
            UPDATE analytics.refresh_jobs SET error = 'WORKER_LOST: the worker stopped three times' WHERE id = 'job_rc_refresh_2';
            """);

        using var first = await ApiClient.GetAsync("/api/v1/admin/jobs?type=refresh,recalculation&status=completed,failed&limit=1", _operator);
        var page = await ApiClient.ReadJsonAsync(first);
        using var second = await ApiClient.GetAsync("/api/v1/admin/jobs?type=refresh&page=2&limit=1&sort=-createdAt", _operator);
        var next = await ApiClient.ReadJsonAsync(second);
        using var invalid = await ApiClient.GetAsync("/api/v1/admin/jobs?limit=101&type=nope", _operator);
        var problem = await ApiClient.AssertProblemAsync(invalid, HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        var newest = page["jobs"]![0]!;
        var failed = next["jobs"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), page.ToJsonString());
            Assert.That(page["jobs"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(newest["jobId"]!.GetValue<string>(), Is.EqualTo("job_rc_refresh_1"), "the newest, ties by id");
            Assert.That(newest["type"]!.GetValue<string>(), Is.EqualTo("refresh"));
            Assert.That(newest["parameters"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("learner"));
            Assert.That(newest["parameters"]!["subject"]!["id"]!.GetValue<string>(), Is.EqualTo("rc-learner-1"));
            Assert.That(newest["parameters"]!["role"]!.GetValue<string>(), Is.EqualTo("learner"));
            Assert.That(newest["parameters"]!["analytics"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "velocity", "engagement" }));
            Assert.That(newest["counters"]!.ToJsonString(), Is.EqualTo("""{"total":2,"processed":2,"failed":1}"""));
            Assert.That(newest["requestedBy"]!.GetValue<string>(), Is.EqualTo("rc-learner-1"));
            Assert.That(page["pagination"]!["page"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(page["pagination"]!["limit"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(page["pagination"]!["total"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(2));
            Assert.That(page["pagination"]!["hasNext"]!.GetValue<bool>(), Is.True);
            Assert.That(first.Headers.GetValues("Link").Single(), Does.Contain("page=2&limit=1>; rel=\"next\"").And.Contain("rel=\"last\""));

            Assert.That(failed["jobId"]!.GetValue<string>(), Is.EqualTo("job_rc_refresh_2"));
            Assert.That(failed["status"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(failed["error"]!.ToJsonString(), Is.EqualTo("""{"code":"WORKER_LOST","message":"the worker stopped three times"}"""));
            Assert.That(failed["requestedBy"], Is.Null);
            Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "limit", "type" }));
        });
    }

    /// <summary>Polls the run in the store (the operator class counts requests), up to 30 s.</summary>
    private static async Task WaitForRunAsync(string jobId)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await TestStore.ScalarAsync<string>("SELECT status FROM analytics.batch_runs WHERE id = @jobId", new { jobId });
            if (status is not null and not "running")
            {
                return;
            }

            await Task.Delay(100);
        }
    }
}
