using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.TrainerAnalytics.Overview;

/// <summary>`GET /trainer/analytics/overview/{trainerId}`: the four sections of API.md §4.2 in one envelope, each as read alone.</summary>
public sealed class OverviewEndpointTests
{
    private const string Path = "/api/v1/trainer/analytics/overview/tr-trainer";

    [OneTimeSetUp]
    public Task SeedAsync() => TrainerScenario.EnsureAsync();

    [Test]
    public async Task Get_ReturnsTheFourSectionsWithTheirOwnFreshness()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(data["trainerId"]!.GetValue<string>(), Is.EqualTo("tr-trainer"));
            Assert.That(data["lastUpdated"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(data["coursePerformance"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("course-performance@1.0"));
            Assert.That(data["courseHealth"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("course-health@1.0"));
            Assert.That(data["studentDistribution"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("student-distribution@1.0"));
            Assert.That(data["teachingEffectiveness"]!["definitionVersion"]!.GetValue<string>(), Is.EqualTo("teaching-effectiveness@1.0"));
            Assert.That(data["courseHealth"]!["healthScore"]!.GetValue<int>(), Is.EqualTo(63));
            Assert.That(data["studentDistribution"]!["totalStudents"]!.GetValue<int>(), Is.EqualTo(12));
            Assert.That(data["teachingEffectiveness"]!["overallScore"]!.GetValue<int>(), Is.EqualTo(67));
            Assert.That(data["coursePerformance"]!["courses"]![0]!["id"]!.GetValue<string>(), Is.EqualTo("tr-c1"));
            Assert.That(data["courseHealth"]!["staleness"]!.GetValue<string>(), Is.EqualTo("fresh"));
            Assert.That(body["meta"]!["definitionVersion"], Is.Null);
            Assert.That(body["meta"]!["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("trainer"));
        });
    }

    [Test]
    public async Task Get_WithCourseId_AppliesItToHealthAndDistribution()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path + "?courseId=tr-c9", token);
        var body = await ApiClient.ReadJsonAsync(response);

        var data = body["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["courseHealth"]!["courseId"]!.GetValue<string>(), Is.EqualTo("tr-c9"));
            Assert.That(data["courseHealth"]!["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(data["studentDistribution"]!["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(data["teachingEffectiveness"]!["overallScore"]!.GetValue<int>(), Is.EqualTo(67), "effectiveness covers every course");
            Assert.That(body["meta"]!["suppression"], Is.Not.Null);
        });
    }

    [Test]
    public async Task Get_WithACourseTheTrainerDoesNotTeach_Returns403()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path + "?courseId=tr-cx", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }
}
