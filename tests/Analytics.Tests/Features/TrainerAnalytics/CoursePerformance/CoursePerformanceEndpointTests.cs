using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.TrainerAnalytics.CoursePerformance;

/// <summary>`GET /trainer/analytics/course-performance/{trainerId}` on the seeded scenario (<see cref="TrainerScenario"/>).</summary>
public sealed class CoursePerformanceEndpointTests
{
    private const string Path = "/api/v1/trainer/analytics/course-performance/tr-trainer";

    [OneTimeSetUp]
    public Task SeedAsync() => TrainerScenario.EnsureAsync();

    [Test]
    public async Task Get_ActiveCourses_ListsEveryCourseAndNullsTheOneBelowK()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var data = body["data"]!.AsObject();
        var courses = data["courses"]!.AsArray();
        var c1 = courses[0]!.AsObject();
        var c9 = courses[1]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(courses.Select(c => c!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "tr-c1", "tr-c9" }),
                "sorted by enrolments; tr-cp has no active enrolment");
            Assert.That(c1["courseId"]!.GetValue<string>(), Is.EqualTo("tr-c1"));
            Assert.That(c1["courseName"]!.GetValue<string>(), Is.EqualTo("tr-c1"));
            Assert.That(c1["enrollments"]!.GetValue<int>(), Is.EqualTo(12));
            Assert.That(c1["activeStudents"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(c1["completionRate"]!.GetValue<double>(), Is.EqualTo(50));
            Assert.That(c1["averageScore"]!.GetValue<double>(), Is.EqualTo(69.5));
            Assert.That(c1["healthScore"]!.GetValue<int>(), Is.EqualTo(63));
            // 30 days earlier: engagement 5, pass 58.33, retention 100 → health 40; now 62.67.
            Assert.That(c1["trend"]!.GetValue<string>(), Is.EqualTo("improving"));
            Assert.That(c9["enrollments"]!.GetValue<int>(), Is.EqualTo(9));
            Assert.That(c9.ContainsKey("completionRate") && c9["completionRate"] is null, Is.True);
            Assert.That(c9["averageScore"], Is.Null);
            Assert.That(c9["healthScore"], Is.Null);
            Assert.That(c9["trend"], Is.Null);
            Assert.That(data["suppressedFields"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EquivalentTo(new[]
            {
                "courses[1].trend", "courses[1].healthScore", "courses[1].completionRate", "courses[1].averageScore",
            }));
            Assert.That(data["summary"]!["totalCourses"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(data["summary"]!["totalEnrollments"]!.GetValue<int>(), Is.EqualTo(21));
            Assert.That(data["summary"]!["averageCompletionRate"]!.GetValue<double>(), Is.EqualTo(50));
            Assert.That(data["summary"]!["averageHealthScore"]!.GetValue<double>(), Is.EqualTo(62.7));
            Assert.That(data["insights"]!.AsArray().Select(i => i!.GetValue<string>()), Is.EqualTo(new[]
            {
                "tr-c1: completion 50 % is 25 points under target", "tr-c1: 5 students at high risk",
            }));
            Assert.That(data["recommendations"]!.AsArray(), Has.Count.EqualTo(3));
            Assert.That(data["recommendations"]![0]!.GetValue<string>(), Does.StartWith("tr-c1: Contact the 5 students"));
            Assert.That(data["definitionVersion"]!.GetValue<string>(), Is.EqualTo("course-performance@1.0"));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(body["meta"]!["suppression"]!["reason"]!.GetValue<string>(), Is.EqualTo("SEGMENTS_TOO_SMALL"));
            Assert.That(body["meta"]!["suppression"]!["suppressedSegments"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Get_StatusAll_AddsCoursesWithoutActiveEnrolmentsAndForOrgAdminsOnlyOwnedOnes()
    {
        var trainer = await ApiClient.TokenAsync(TrainerScenario.Trainer);
        var admin = await ApiClient.TokenAsync(TrainerScenario.Admin);

        using var asTrainer = await ApiClient.GetAsync(Path + "?status=all", trainer);
        using var asAdmin = await ApiClient.GetAsync(Path + "?status=all", admin);
        var trainerData = (await ApiClient.ReadJsonAsync(asTrainer))["data"]!;
        var adminData = (await ApiClient.ReadJsonAsync(asAdmin))["data"]!;

        Assert.Multiple(() =>
        {
            Assert.That(trainerData["courses"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "tr-c1", "tr-c9", "tr-cp" }));
            Assert.That(trainerData["courses"]![2]!["enrollments"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(trainerData["suppressedFields"]!.AsArray(), Has.Count.EqualTo(4), "a course without enrolments withholds nothing");
            Assert.That(adminData["courses"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "tr-c1", "tr-c9" }),
                "an org-admin sees only the organisation's courses");
        });
    }

    [Test]
    public async Task Get_WithUnknownStatus_Returns400NamingStatus()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Trainer);

        using var response = await ApiClient.GetAsync(Path + "?status=finished", token);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["status"], Is.Not.Null);
    }

    [Test]
    public async Task Get_TrainerWithoutCourses_ReturnsTheNoDataShape()
    {
        var token = await ApiClient.TokenAsync(TrainerScenario.Multi);

        using var response = await ApiClient.GetAsync("/api/v1/trainer/analytics/course-performance/tr-multi", token, "trainer");
        var data = (await ApiClient.ReadJsonAsync(response))["data"]!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(data["dataStatus"]!.GetValue<string>(), Is.EqualTo("no-data"));
            Assert.That(data["courses"]!.AsArray(), Is.Empty);
            Assert.That(data["summary"]!["averageHealthScore"], Is.Null);
        });
    }
}
