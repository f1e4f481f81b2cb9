using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Analytics.Api.Features.Reports.Shared;
using Analytics.Tests.Infrastructure;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Analytics.Tests.Features.Reports;

/// <summary>Reports of API.md §4.7: formats, figures, access, the worker off the request thread, validation.</summary>
public sealed partial class ReportsTests
{
    private const string Learner = "learner@test.com";
    private const string VelocityPath = "/api/v1/learner/analytics/velocity/learner-123";
    private const string EngagementPath = "/api/v1/learner/analytics/engagement/learner-123";

    [TestCase("pdf", "application/pdf")]
    [TestCase("csv", "text/csv; charset=utf-8")]
    [TestCase("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [TestCase("excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [TestCase("json", "application/json")]
    public async Task Download_OfEachFormat_HasItsContentTypeAndAttachmentName(string format, string contentType)
    {
        var token = await ApiClient.TokenAsync(Learner);
        var id = await ReportTestClient.CompletedAsync(token, new { type = "learner", format, title = "My Ünïcode report!" });

        using var response = await ReportTestClient.DownloadAsync(token, id);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var extension = format == "excel" ? "xlsx" : format;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo(contentType));
            Assert.That(response.Content.Headers.ContentDisposition?.ToString(),
                Does.Match($"^attachment; filename=\"my-unicode-report-\\d{{8}}\\.{extension}\"$"));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(bytes, Is.Not.Empty);
        });
    }

    [Test]
    public async Task Pdf_HoldsTheLearnersFiguresAsTheReadEndpointsReturnThem()
    {
        var token = await ApiClient.TokenAsync(Learner);
        var velocity = await ReportTestClient.ReadFigureAsync(token, VelocityPath, "currentVelocity");
        var engagement = await ReportTestClient.ReadFigureAsync(token, EngagementPath, "overallEngagement");
        var id = await ReportTestClient.CompletedAsync(token, new { type = "learner", format = "pdf", analytics = new[] { "velocity", "engagement" } });

        using var response = await ReportTestClient.DownloadAsync(token, id);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(pdf.NumberOfPages, Is.GreaterThanOrEqualTo(3), "cover + one section per analytic");
            Assert.That(words, Does.Contain("learner-123)").Or.Contain("(learner-123)"), "the cover names the subject");
            Assert.That(ValueAfter(words, "currentVelocity"), Is.EqualTo(velocity));
            Assert.That(ValueAfter(words, "overallEngagement"), Is.EqualTo(engagement));
        });
    }

    [Test]
    public async Task Csv_ParsesBackToTheReadEndpointsNumbers()
    {
        var token = await ApiClient.TokenAsync(Learner);
        var velocity = await ReportTestClient.ReadFigureAsync(token, VelocityPath, "currentVelocity");
        var engagement = await ReportTestClient.ReadFigureAsync(token, EngagementPath, "overallEngagement");
        var id = await ReportTestClient.CompletedAsync(token, new { type = "learner", format = "csv", analytics = new[] { "velocity", "engagement" } });

        using var response = await ReportTestClient.DownloadAsync(token, id);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        string? Value(string analytic, string metric) =>
            rows.FirstOrDefault(r => (string)r["analytic"] == analytic && (string)r["section"] == "summary" && (string)r["metric"] == metric)?["value"] as string;
        Assert.Multiple(() =>
        {
            Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM");
            Assert.That(Encoding.UTF8.GetString(bytes, 3, 60), Does.StartWith("analytic,section,metric,dimension,value,unit,computedAt"));
            Assert.That(Value("velocity", "currentVelocity"), Is.EqualTo(velocity));
            Assert.That(Value("engagement", "overallEngagement"), Is.EqualTo(engagement));
        });
    }

    [Test]
    public async Task Xlsx_HasASummarySheetAndOneSheetPerAnalytic()
    {
        var token = await ApiClient.TokenAsync(Learner);
        var id = await ReportTestClient.CompletedAsync(token, new { type = "learner", format = "xlsx", templateId = "learner-summary" });

        using var response = await ReportTestClient.DownloadAsync(token, id);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        Assert.That(workbook.Worksheets.Select(w => w.Name), Is.EqualTo(new[] { "Summary", "velocity", "engagement", "mastery", "performance" }));
    }

    [Test]
    public async Task Generate_WhenLearnerNamesAnotherLearner_Returns403()
    {
        var token = await ApiClient.TokenAsync(Learner);

        using var response = await ApiClient.PostJsonAsync("/api/v1/reports/generate", new { type = "learner", format = "csv", userId = "learner-456" }, token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Test]
    public async Task Generate_WhenLearnerAsksForAnOrganisationReport_Returns403()
    {
        var token = await ApiClient.TokenAsync(Learner);

        using var response = await ApiClient.PostJsonAsync("/api/v1/reports/generate", new { type = "organisation", format = "csv" }, token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ROLE_NOT_PERMITTED");
    }

    [Test]
    public async Task Download_OfAnotherUsersReport_Returns404()
    {
        var learner = await ApiClient.TokenAsync(Learner);
        var id = await ReportTestClient.CompletedAsync(learner, new { type = "learner", format = "json" });
        var trainer = await ApiClient.TokenAsync("trainer@test.com");

        using var download = await ReportTestClient.DownloadAsync(trainer, id);
        using var read = await ApiClient.GetAsync($"/api/v1/reports/{id}", trainer);
        using var delete = await ReportTestClient.DeleteAsync(trainer, id);

        await ApiClient.AssertProblemAsync(download, HttpStatusCode.NotFound, "REPORT_NOT_FOUND");
        await ApiClient.AssertProblemAsync(read, HttpStatusCode.NotFound, "REPORT_NOT_FOUND");
        await ApiClient.AssertProblemAsync(delete, HttpStatusCode.NotFound, "REPORT_NOT_FOUND");
    }

    [Test]
    public async Task Download_ThroughASignedLink_NeedsNoToken_AndAWrongSignatureOrNoTokenFindsNothing()
    {
        var learner = await ApiClient.TokenAsync(Learner);
        var id = await ReportTestClient.CompletedAsync(learner, new { type = "learner", format = "csv" });
        var link = TestHost.Factory.Services.GetRequiredService<ReportLinks>().DownloadPath(id);

        using var signed = await ApiClient.GetAsync(link, token: null);
        using var tampered = await ApiClient.GetAsync(link[..^2] + (link.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"), token: null);
        using var otherReport = await ApiClient.GetAsync(link.Replace(id, id[..^1] + (id.EndsWith('0') ? "1" : "0"), StringComparison.Ordinal), token: null);
        using var bare = await ApiClient.GetAsync($"/api/v1/reports/{id}/download", token: null);

        Assert.Multiple(() =>
        {
            Assert.That(signed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(signed.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        });
        await ApiClient.AssertProblemAsync(tampered, HttpStatusCode.NotFound, "REPORT_NOT_FOUND");
        await ApiClient.AssertProblemAsync(otherReport, HttpStatusCode.NotFound, "REPORT_NOT_FOUND");
        await ApiClient.AssertProblemAsync(bare, HttpStatusCode.Unauthorized, "MISSING_TOKEN");
    }

    [TestCase("json")]
    [TestCase("csv")]
    public async Task TrainerReport_HoldsCourseAggregatesOnly_NoLearnerOfItsCourses(string format)
    {
        var trainer = await ApiClient.TokenAsync("trainer@test.com");
        var id = await ReportTestClient.CompletedAsync(trainer, new { type = "trainer", format });
        using var download = await ReportTestClient.DownloadAsync(trainer, id);
        var text = await download.Content.ReadAsStringAsync();
        var students = await TestStore.QueryAsync<string>(
            """
            SELECT DISTINCT e.user_id FROM lrs.enrolments e JOIN lrs.course_trainers ct ON ct.course_id = e.course_id
            WHERE ct.user_id = 'trainer-456'
            """);

        Assert.Multiple(() =>
        {
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(students, Has.Count.GreaterThanOrEqualTo(25));
            Assert.That(students.Where(s => text.Contains(s, StringComparison.Ordinal)), Is.Empty, "a trainer report names no learner");
        });
        var people = await TestStore.QueryAsync<string>("SELECT user_id FROM reporting.report_people WHERE report_id = @id", new { id });
        Assert.That(people, Is.EqualTo(new[] { "trainer-456" }), "the trainer it is about is recorded, for erasure");
    }

    [Test]
    public async Task Report_LeftRunningByADeadWorker_IsTakenAgainAndCompleted()
    {
        var token = await ApiClient.TokenAsync(Learner);
        var id = await ReportTestClient.CompletedAsync(token, new { type = "learner", format = "json" });
        // As an instance that died mid-render leaves it: running for an hour, no file.
        await TestStore.ExecuteAsync(
            """
            DELETE FROM reporting.report_files WHERE report_id = @id;
            UPDATE reporting.report_jobs SET status = 'running', progress = 10, completed_at = NULL, started_at = now() - interval '1 hour'
            WHERE id = @id;
            """,
            new { id });
        TestHost.Factory.Services.GetRequiredService<ReportQueueSignal>().Notify();

        var report = await ReportTestClient.WaitForAsync(token, id, "completed");
        using var download = await ReportTestClient.DownloadAsync(token, id);

        Assert.Multiple(() =>
        {
            Assert.That(report["report"]!["completedAt"], Is.Not.Null);
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Generate_WhenRenderingIsSlow_Answers202AtOnceAndTheStatusMovesQueuedRunningCompleted()
    {
        var token = await ApiClient.TokenAsync(Learner);
        var hooks = TestHost.Factory.Services.GetRequiredService<ReportRenderHooks>();
        var title = "slow " + Guid.NewGuid().ToString("N");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hooks.BeforeRender = (report, ct) => report.Title == title ? release.Task.WaitAsync(TimeSpan.FromMinutes(2), ct) : Task.CompletedTask;
        try
        {
            var clock = Stopwatch.StartNew();
            var queued = await ReportTestClient.GenerateAsync(token, new { type = "learner", format = "csv", title });
            var answeredIn = clock.Elapsed;
            var id = queued["id"]!.GetValue<string>();

            var running = await ReportTestClient.WaitForAsync(token, id, "running");
            using var notReady = await ReportTestClient.DownloadAsync(token, id);
            await ApiClient.AssertProblemAsync(notReady, HttpStatusCode.Conflict, "REPORT_NOT_READY");
            release.SetResult();
            var completed = await ReportTestClient.WaitForAsync(token, id, "completed");

            Assert.Multiple(() =>
            {
                Assert.That(answeredIn, Is.LessThan(TimeSpan.FromSeconds(5)), "the request did not wait for rendering");
                Assert.That(queued["status"]!.GetValue<string>(), Is.EqualTo("queued"));
                Assert.That(id, Does.Match("^rpt_[0-9A-Z]{26}$"));
                Assert.That(running["preview"], Is.Null);
                Assert.That(notReady.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
                Assert.That(completed["report"]!["downloadUrl"]!.GetValue<string>(), Is.EqualTo($"/api/v1/reports/{id}/download"));
                Assert.That(completed["preview"]!["summary"], Is.Not.Null);
            });
        }
        finally
        {
            hooks.BeforeRender = null;
            release.TrySetResult();
        }
    }

    [Test]
    public async Task Generate_AnswersLocationOfTheReport()
    {
        var token = await ApiClient.TokenAsync(Learner);

        using var response = await ApiClient.PostJsonAsync("/api/v1/reports/generate", new { type = "learner", format = "json" }, token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/reports/{body["id"]!.GetValue<string>()}"));
    }

    [TestCase("{\"type\":\"learner\",\"format\":\"docx\"}", "format")]
    [TestCase("{\"type\":\"student\",\"format\":\"pdf\"}", "type")]
    [TestCase("{\"format\":\"pdf\"}", "type")]
    [TestCase("{\"type\":\"learner\",\"format\":\"pdf\",\"from\":\"2025-03-10\",\"to\":\"2025-03-01\"}", "to")]
    [TestCase("{\"type\":\"learner\",\"format\":\"pdf\",\"from\":\"2024-01-01\",\"to\":\"2025-03-01\"}", "to")]
    [TestCase("{\"type\":\"learner\",\"format\":\"pdf\",\"from\":\"14/03/2025\"}", "from")]
    [TestCase("{\"type\":\"learner\",\"format\":\"pdf\",\"templateId\":\"organisation-executive\"}", "templateId")]
    [TestCase("{\"type\":\"learner\",\"format\":\"pdf\",\"templateId\":\"no-such-template\"}", "templateId")]
    [TestCase("{\"type\":\"learner\",\"format\":\"pdf\",\"analytics\":[\"course-health\"]}", "analytics")]
    [TestCase("{\"type\":\"learner\",\"format\":\"pdf\",\"timeZone\":\"Mars/Olympus\"}", "timeZone")]
    public async Task Generate_WithABadValue_Returns400NamingTheField(string body, string field)
    {
        var token = await ApiClient.TokenAsync(Learner);
        using var client = TestHost.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/reports/generate", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await client.SendAsync(request);

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key.Split('[')[0]), Does.Contain(field));
    }

    [Test]
    public async Task List_CoversTheCallersReportsWithSummaryTrendsAndPagination()
    {
        var token = TestTokens.Mint("learner-123", ["learner"], "org-123");
        await ReportTestClient.CompletedAsync(token, new { type = "learner", format = "json", title = "listed one" });

        using var response = await ApiClient.GetAsync("/api/v1/reports?limit=1&sort=-createdAt", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(body["summary"]!["totalReports"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(1));
            Assert.That(body["reports"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(body["trends"]!["formatDistribution"]!.AsArray(), Has.Count.EqualTo(4));
            Assert.That(body["pagination"]!["limit"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Templates_ListTheBuiltIns()
    {
        var token = await ApiClient.TokenAsync(Learner);

        using var response = await ApiClient.GetAsync("/api/v1/reports/templates", token);
        var body = await ApiClient.ReadJsonAsync(response);

        Assert.That(body["templates"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()),
            Is.EqualTo(new[] { "learner-summary", "learner-full", "trainer-courses", "organisation-executive", "organisation-skills" }));
    }

    [Test]
    public async Task Delete_OwnReport_Returns204AndTheReportIsGone()
    {
        var token = await ApiClient.TokenAsync(Learner);
        var id = await ReportTestClient.CompletedAsync(token, new { type = "learner", format = "json" });

        using var delete = await ReportTestClient.DeleteAsync(token, id);
        using var read = await ApiClient.GetAsync($"/api/v1/reports/{id}", token);

        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await ApiClient.AssertProblemAsync(read, HttpStatusCode.NotFound, "REPORT_NOT_FOUND");
    }

    private static string? ValueAfter(List<string> words, string metric)
    {
        var index = words.IndexOf(metric);
        return index < 0 || index + 1 >= words.Count ? null : NumberPrefix().Match(words[index + 1]).Value;
    }

    [GeneratedRegex(@"^-?\d+(\.\d+)?")]
    private static partial Regex NumberPrefix();
}
