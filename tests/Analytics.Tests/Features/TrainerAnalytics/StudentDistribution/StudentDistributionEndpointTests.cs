using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.TrainerAnalytics.StudentDistribution;

/// <summary>
/// `GET /trainer/analytics/student-distribution/{trainerId}` on the seeded scenario: tr-c1 holds G6's twelve course scores, so
/// the endpoint must reproduce the worked example through SQL (<see cref="TrainerScenario"/>).
/// </summary>
public sealed class StudentDistributionEndpointTests
{
    private const string Path = "/api/v1/trainer/analytics/student-distribution/tr-trainer";

    [OneTimeSetUp]
    public Task SeedAsync() => TrainerScenario.EnsureAsync();

    [Test]
    public async Task Get_PrimaryCourse_ReproducesG6()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var bands = data["distribution"]!;
        Assert.Multiple(() =>
        {
            Assert.That(data["courseId"]!.GetValue<string>(), Is.EqualTo("tr-c1"));
            Assert.That(data["courseName"]!.GetValue<string>(), Is.EqualTo("tr-c1"));
            Assert.That(data["totalStudents"]!.GetValue<int>(), Is.EqualTo(12));
            Assert.That(new[] { "excellent", "good", "average", "struggling" }.Select(b => bands[b]!["count"]!.GetValue<int>()),
                Is.EqualTo(new[] { 2, 3, 4, 3 }));
            Assert.That(new[] { "excellent", "good", "average", "struggling" }.Select(b => bands[b]!["percentage"]!.GetValue<int>()),
                Is.EqualTo(new[] { 17, 25, 33, 25 }));
            Assert.That(bands["average"]!["range"]!.GetValue<string>(), Is.EqualTo("60-74%"));
            Assert.That(data["insights"]!["averageScore"]!.GetValue<double>(), Is.EqualTo(69.5));
            Assert.That(data["insights"]!["medianScore"]!.GetValue<double>(), Is.EqualTo(72));
            Assert.That(data["insights"]!["passRate"]!.GetValue<double>(), Is.EqualTo(58.3));
            Assert.That(data["insights"]!["topPerformers"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(data["insights"]!["atRiskStudents"]!.GetValue<int>(), Is.EqualTo(5), "tr-l06 … tr-l10: no activity, engagement 0");
            Assert.That(data["quantiles"]!["p25"]!.GetValue<double>(), Is.EqualTo(60.5));
            Assert.That(data["quantiles"]!["p50"]!.GetValue<double>(), Is.EqualTo(72));
            Assert.That(data["quantiles"]!["p75"]!.GetValue<double>(), Is.EqualTo(82));
            Assert.That(data["quantiles"]!["p90"]!.GetValue<double>(), Is.EqualTo(90.7));
            Assert.That(data["histogram"]!.AsArray().Select(n => n!.GetValue<int>()), Is.EqualTo(new[] { 0, 0, 0, 1, 1, 1, 2, 3, 2, 2 }));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("student-distribution@1.0"));
            Assert.That(body["meta"]!["suppression"], Is.Null);
        });
    }

    [Test]
    public async Task Get_CourseWithNineScoredLearners_ReturnsTheSuppressedShape()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path + "?courseId=tr-c9", token);
        var body = await ApiClient.ReadJsonAsync(response);

        var data = body["data"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["suppressed"]!.GetValue<bool>(), Is.True);
            Assert.That(data["totalStudents"], Is.Null);
            Assert.That(data["distribution"]!["good"]!["count"], Is.Null);
            Assert.That(data["histogram"]!.AsArray(), Is.Empty);
            Assert.That(data["quantiles"]!["p50"], Is.Null);
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("GROUP_TOO_SMALL"));
        });
    }

    [Test]
    public async Task Get_WithModuleAndAttemptsBucket_ReadsThatSegment()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var module = await ApiClient.GetAsync(Path + "?courseId=tr-c1&moduleId=tr-c1-t1&attemptsBucket=1", token);
        using var emptyBucket = await ApiClient.GetAsync(Path + "?courseId=tr-c1&attemptsBucket=4plus", token);
        var moduleData = (await ApiClient.ReadJsonAsync(module))["data"]!;
        var bucketData = (await ApiClient.ReadJsonAsync(emptyBucket))["data"]!;

        Assert.Multiple(() =>
        {
            Assert.That(moduleData["totalStudents"]!.GetValue<int>(), Is.EqualTo(12), "every learner made one attempt at the topic's exam");
            Assert.That(moduleData["insights"]!["averageScore"]!.GetValue<double>(), Is.EqualTo(69.5));
            Assert.That(bucketData["dataStatus"]!.GetValue<string>(), Is.EqualTo("no-data"));
            Assert.That(bucketData["totalStudents"], Is.Null);
        });
    }

    [TestCase("tr-c9-t1", TestName = "Get_WithAModuleOfAnotherCourse_Returns403")]
    [TestCase("no-such-topic", TestName = "Get_WithAnUnknownModule_Returns403")]
    public async Task Get_WithAModuleOutsideTheCourse_Returns403(string moduleId)
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync($"{Path}?courseId=tr-c1&moduleId={moduleId}", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Get_WithUnknownAttemptsBucket_Returns400NamingIt()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path + "?attemptsBucket=5", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["attemptsBucket"], Is.Not.Null);
    }
}
