using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;
using Analytics.Tests.Shared.Freshness;

namespace Analytics.Tests.Features.TrainerAnalytics.TeachingEffectiveness;

/// <summary>`GET /trainer/analytics/teaching-effectiveness/{trainerId}` on the seeded scenario (<see cref="TrainerScenario"/>).</summary>
public sealed class TeachingEffectivenessEndpointTests
{
    private const string Path = "/api/v1/trainer/analytics/teaching-effectiveness/tr-trainer";

    [OneTimeSetUp]
    public Task SeedAsync() => TrainerScenario.EnsureAsync();

    [Test]
    public async Task Get_AllTaughtCourses_ScoresAgainstTheTargetsBecauseThereAreFewerThanKPeers()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            // Rating 3.9 → 72.5; pass 16 of 21 pairs → 76.19; completion 1 of 2 finished → 50: 0.35·72.5 + 0.35·76.19 + 0.30·50 = 67.04.
            Assert.That(data["overallScore"]!.GetValue<int>(), Is.EqualTo(67));
            Assert.That(data["metrics"]!["studentSatisfaction"]!["score"]!.GetValue<double>(), Is.EqualTo(3.9));
            Assert.That(data["metrics"]!["studentSatisfaction"]!["totalReviews"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(data["metrics"]!["studentSatisfaction"]!["trend"], Is.Null);
            Assert.That(data["metrics"]!["learningOutcomes"]!["completionRate"]!.GetValue<double>(), Is.EqualTo(50));
            Assert.That(data["metrics"]!["learningOutcomes"]!["averageScoreImprovement"], Is.Null, "no learner has 4 scores");
            Assert.That(data["metrics"]!["learningOutcomes"]!["skillAcquisitionRate"], Is.Null, "the courses teach no skill");
            Assert.That(data["metrics"]!["engagement"]!.AsObject().Select(p => p.Value), Is.All.Null);
            Assert.That(data["components"]!["passRate"]!.GetValue<double>(), Is.EqualTo(76.2));
            Assert.That(data["strengths"]!.AsArray(), Is.Empty);
            Assert.That(data["improvementAreas"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[]
            {
                "Student satisfaction 3.9 is below the target of 4.0.",
                "Pass rate 76.2 % is below the target of 80.0 %.",
                "Completion rate 50.0 % is below the target of 75.0 %.",
            }));
            Assert.That(data["notAvailable"]!.AsArray().Select(p => p!.GetValue<string>()),
                Is.EquivalentTo(new[] { "metrics.engagement.responseTime", "metrics.engagement.feedbackQuality", "metrics.engagement.availabilityScore" }));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("teaching-effectiveness@1.0"));
        });
    }

    [Test]
    public async Task Get_ForTheCourseOfNineLearners_ReturnsTheSuppressedShape()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path + "?courseId=tr-c9", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(body["data"]!["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(body["data"]!["overallScore"], Is.Null);
            Assert.That(body["data"]!["improvementAreas"]!.AsArray(), Is.Empty);
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("GROUP_TOO_SMALL"));
        });
    }

    [Test]
    public async Task Get_KeepsThePeerOutcomesAsTheOrganisationsSnapshot_AndRecomputesThemOnlyWhenTheirInputsChange()
    {
        const string Snapshots = "analytics.analytics_snapshots";
        const string PeersRow = "WHERE subject_type = 'organisation' AND subject_id = 'tr-org' AND role = 'trainer' AND analytic = 'teaching-peers'";
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);
        await ReadWithoutMemoryAsync(token);

        var payload = JsonNode.Parse((await TestStore.ScalarAsync<string>($"SELECT payload::text FROM {Snapshots} {PeersRow}"))!)!;
        var firstComputedAt = await TestStore.ScalarAsync<DateTime>($"SELECT computed_at FROM {Snapshots} {PeersRow}");
        var peer = payload["outcomes"]!.AsArray().Single(o => o!["trainerId"]!.GetValue<string>() == "tr-edge")!;
        Assert.Multiple(() =>
        {
            Assert.That(payload["definitionVersion"]!.GetValue<string>(), Is.EqualTo("teaching-peers@1.0"));
            Assert.That(payload["asOf"]!.GetValue<string>(), Is.EqualTo("2025-03-14"));
            Assert.That(peer["learners"]!.GetValue<int>(), Is.EqualTo(10), "tr-co counts tr-l01 … tr-l10, not tr-old (open-ended window)");
        });

        // Same inputs: the next trainer read after the memory entry is gone reuses the stored row.
        await ReadWithoutMemoryAsync(token);
        Assert.That(await TestStore.ScalarAsync<DateTime>($"SELECT computed_at FROM {Snapshots} {PeersRow}"), Is.EqualTo(firstComputedAt));

        // Different inputs (as after a sync, a new definition or other settings): recomputed and stored again.
        await TestStore.ExecuteAsync($"UPDATE {Snapshots} SET inputs_hash = decode(repeat('00', 32), 'hex') {PeersRow}");
        await ReadWithoutMemoryAsync(token);
        Assert.That(await TestStore.ScalarAsync<DateTime>($"SELECT computed_at FROM {Snapshots} {PeersRow}"), Is.GreaterThan(firstComputedAt));
    }

    /// <summary>A course-filtered read (memory only, never a trainer snapshot), so the handler runs every time.</summary>
    private static async Task ReadWithoutMemoryAsync(string token)
    {
        await RefreshTestJobs.EvictAsync("organisation", TrainerScenario.Org, "trainer");
        await RefreshTestJobs.EvictAsync("trainer", "tr-trainer", "trainer");
        using var response = await ApiClient.GetAsync(Path + "?courseId=tr-c1", token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
