using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.TrainerAnalytics.Compatibility;

/// <summary>The app's two compatibility paths (API.md §4.2): the payload under one property of `data`, tagged `compat`.</summary>
public sealed class CompatibilityEndpointTests
{
    [OneTimeSetUp]
    public Task SeedAsync() => TrainerScenario.EnsureAsync();

    [Test]
    public async Task GetStudentDistribution_WithDefaultCourse_WrapsThePrimaryCoursesDistribution()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync("/api/v1/analytics/trainer/tr-trainer/student-distribution/default-course", token);
        var body = await ApiClient.ReadJsonAsync(response);

        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(data.Select(p => p.Key), Is.EqualTo(new[] { "studentDistribution" }));
            Assert.That(data["studentDistribution"]!["courseId"]!.GetValue<string>(), Is.EqualTo("tr-c1"));
            Assert.That(data["studentDistribution"]!["distribution"]!["excellent"]!["percentage"]!.GetValue<int>(), Is.EqualTo(17));
            Assert.That(data["studentDistribution"]!["staleness"]!.GetValue<string>(), Is.EqualTo("fresh"));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("student-distribution@1.0"));
            Assert.That(response.Headers.ETag?.ToString(), Does.StartWith("W/\""));
        });
    }

    [Test]
    public async Task GetStudentDistribution_WithACourseIdTaughtByTheTrainer_ReadsThatCourse()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync("/api/v1/analytics/trainer/tr-trainer/student-distribution/tr-c9", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(body["data"]!["studentDistribution"]!["courseId"]!.GetValue<string>(), Is.EqualTo("tr-c9"));
    }

    [Test]
    public async Task GetStudentDistribution_WithACourseNotTaughtByTheTrainer_Returns403()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync("/api/v1/analytics/trainer/tr-trainer/student-distribution/tr-cx", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task GetTeachingEffectiveness_WrapsThePayload()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync("/api/v1/analytics/trainer/tr-trainer/teaching-effectiveness", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(body["data"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "teachingEffectiveness" }));
            Assert.That(body["data"]!["teachingEffectiveness"]!["overallScore"]!.GetValue<int>(), Is.EqualTo(67));
            Assert.That(body["meta"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("teaching-effectiveness@1.0"));
        });
    }

    [Test]
    public async Task OpenApi_TagsBothPathsCompat()
    {
        using var response = await ApiClient.GetAsync("/openapi/v1.json", null);
        var document = await ApiClient.ReadJsonAsync(response);

        var paths = document["paths"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(paths["/api/v1/analytics/trainer/{trainerId}/student-distribution/{courseId}"]!["get"]!["tags"]![0]!.GetValue<string>(),
                Is.EqualTo("compat"));
            Assert.That(paths["/api/v1/analytics/trainer/{trainerId}/teaching-effectiveness"]!["get"]!["tags"]![0]!.GetValue<string>(),
                Is.EqualTo("compat"));
        });
    }
}
