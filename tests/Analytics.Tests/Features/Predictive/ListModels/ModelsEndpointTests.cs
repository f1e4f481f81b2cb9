using System.Net;
using Analytics.Tests.Infrastructure;
using Analytics.Tests.Shared.Freshness;

namespace Analytics.Tests.Features.Predictive.ListModels;

/// <summary>
/// The model endpoints of API.md §4.4 on the demo store: cards of the caller's organisation with the rule card in use while no
/// model serves; platform admins read any organisation and retrain (202 job, run in the background; the demo organisation's
/// small history fails the gate as insufficient data, which its rule card then states); others may not retrain.
/// </summary>
public sealed class ModelsEndpointTests
{
    private const string Path = "/api/v1/predictive/models";

    [Test]
    public async Task Get_AsTheDemoOrgAdmin_ListsTheRuleCardInUse()
    {
        var token = await ApiClient.TokenAsync("admin@test.com");
        using var response = await ApiClient.GetAsync(Path, token);
        var body = await ApiClient.ReadJsonAsync(response);
        var rule = body["models"]!.AsArray().Single(m => m!["kind"]!.GetValue<string>() == "rule")!;
        using var byId = await ApiClient.GetAsync(Path + "/" + rule["id"]!.GetValue<string>(), token);
        var card = await ApiClient.ReadJsonAsync(byId);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(body.ContainsKey("data"), Is.False, "model cards are not enveloped");
            Assert.That(rule["algorithm"]!.GetValue<string>(), Is.EqualTo("rule-dropoff@1"));
            Assert.That(rule["organisationId"]!.GetValue<string>(), Is.EqualTo("org-123"));
            Assert.That(rule["inUse"]!.GetValue<bool>(), Is.True);
            Assert.That(rule["trainedAt"], Is.Null);
            Assert.That(rule["fallbackRule"]!.GetValue<string>(), Is.EqualTo("rule-dropoff@1"));
            Assert.That(rule["qualityGate"]!["passed"]!.GetValue<bool>(), Is.False);
            Assert.That(rule["features"]!.AsArray(), Has.Count.EqualTo(3));
            Assert.That(byId.StatusCode, Is.EqualTo(HttpStatusCode.OK), card.ToJsonString());
            Assert.That(card["algorithm"]!.GetValue<string>(), Is.EqualTo("rule-dropoff@1"), "the rule card by its id");
        });
    }

    [Test]
    public async Task Get_AnotherOrganisationAsOrgAdmin_Returns403_AndAnUnknownCard404()
    {
        var token = await ApiClient.TokenAsync("admin@test.com");
        using var other = await ApiClient.GetAsync(Path + "?organisationId=oulad", token);
        using var unknown = await ApiClient.GetAsync(Path + "/mdl_01JDA7K3Q9X2M4N6P8R0S2T4V6", token);
        using var bad = await ApiClient.GetAsync(Path + "?analytic=velocity", token);

        await ApiClient.AssertProblemAsync(other, HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await ApiClient.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
        await ApiClient.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Test]
    public async Task Retrain_AsOrgAdmin_Returns403()
    {
        var token = await ApiClient.TokenAsync("admin@test.com");
        using var response = await ApiClient.PostJsonAsync(Path + "/retrain", new { analytic = "drop-off-risk" }, token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }

    [Test]
    public async Task Retrain_AsPlatformAdmin_RunsInTheBackgroundAndTheRuleCardSaysWhy()
    {
        var token = await ApiClient.TokenAsync("operator@test.com");
        using var invalid = await ApiClient.PostJsonAsync(Path + "/retrain", new { analytic = "forecast" }, token);
        await ApiClient.AssertProblemAsync(invalid, HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        using var response = await ApiClient.PostJsonAsync(Path + "/retrain", new { analytic = "drop-off-risk", organisationId = "org-123" }, token);
        var job = await ApiClient.ReadJsonAsync(response);
        var jobId = job["jobId"]!.GetValue<string>();
        for (var i = 0; i < 600 && await TestStore.ScalarAsync<string>("SELECT status FROM analytics.batch_runs WHERE id = @jobId", new { jobId }) == "running"; i++)
        {
            await Task.Delay(100);
        }

        using var list = await ApiClient.GetAsync(Path + "?organisationId=org-123", token);
        // The demo learner's risk, read afresh, is the rule's and its card says why (issue 6: "says so in the model card").
        await TestStore.ExecuteAsync("DELETE FROM analytics.analytics_snapshots WHERE subject_id = 'learner-123' AND analytic = 'drop-off-risk'");
        await RefreshTestJobs.EvictAsync("learner", "learner-123", "learner");
        using var risk = await ApiClient.GetAsync("/api/v1/predictive/drop-off-risk/learner-123", await ApiClient.TokenAsync("learner@test.com"));
        var riskCard = (await ApiClient.ReadJsonAsync(risk))["data"]!["modelCard"]!;
        var models = (await ApiClient.ReadJsonAsync(list))["models"]!.AsArray();
        var stored = models.First(m => m!["kind"]!.GetValue<string>() == "model")!;
        var inUse = models.Single(m => m!["inUse"]!.GetValue<bool>())!;

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), job.ToJsonString());
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/api/v1/admin/jobs/" + jobId));
            Assert.That(await TestStore.ScalarAsync<string>("SELECT status FROM analytics.batch_runs WHERE id = @jobId", new { jobId }), Is.EqualTo("completed"));
            Assert.That(stored["id"]!.GetValue<string>(), Does.StartWith("mdl_"));
            Assert.That(stored["status"]!.GetValue<string>(), Is.EqualTo("rejected"), "a model that fails its gate is stored but never served");
            Assert.That(stored["qualityGate"]!["status"]!.GetValue<string>(), Is.EqualTo("insufficient-data"));
            Assert.That(inUse["kind"]!.GetValue<string>(), Is.EqualTo("rule"));
            Assert.That(inUse["qualityGate"]!["status"]!.GetValue<string>(), Is.EqualTo("insufficient-data"), "the rule card says why the rule scores");
            Assert.That(riskCard["kind"]!.GetValue<string>(), Is.EqualTo("rule"));
            Assert.That(riskCard["fallbackUsed"]!.GetValue<bool>(), Is.True);
            Assert.That(riskCard["fallbackReason"]!.GetValue<string>(), Is.EqualTo("insufficient-data"));
            Assert.That(riskCard["qualityGate"]!["reasons"]!.AsArray(), Is.Not.Empty);
        });
    }
}
