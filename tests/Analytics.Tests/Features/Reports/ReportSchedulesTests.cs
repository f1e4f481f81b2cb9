using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Reports;

/// <summary>Report schedules of API.md §4.7 on the shared host: the endpoints, validation, firing and a lost access.</summary>
public sealed class ReportSchedulesTests
{
    private const string Path = "/api/v1/reports/schedules";

    private static object StoreBody(string name, string cron = "0 7 * * 1", string? timeZone = "UTC") =>
        new { name, type = "learner", format = "json", cron, timeZone, period = "last-7-days" };

    [Test]
    public async Task Create_List_Get_Delete_WithTheirStatusCodes()
    {
        var token = TestTokens.Mint("learner-123", ["learner"], "org-123");

        using var created = await ScheduleTestClient.SendAsync(HttpMethod.Post, Path, token, StoreBody("weekly mine"));
        var schedule = await ApiClient.ReadJsonAsync(created);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), schedule.ToJsonString());
        var id = schedule["id"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(created.Headers.Location?.ToString(), Is.EqualTo($"{Path}/{id}"));
            Assert.That(id, Does.Match("^sch_[0-9A-HJKMNP-TV-Z]{26}$"));
            Assert.That(schedule["activeRole"]!.GetValue<string>(), Is.EqualTo("learner"));
            Assert.That(schedule["userId"]!.GetValue<string>(), Is.EqualTo("learner-123"));
            Assert.That(schedule["templateId"]!.GetValue<string>(), Is.EqualTo("learner-summary"));
            Assert.That(schedule["delivery"]!["channel"]!.GetValue<string>(), Is.EqualTo("store"));
            Assert.That(schedule["enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(schedule["nextRunAt"]!.GetValue<DateTimeOffset>(), Is.GreaterThan(DateTimeOffset.UtcNow));
            Assert.That(schedule["lastRunStatus"], Is.Null);
            Assert.That(schedule.ContainsKey("webhookSecret"), Is.False);
        });

        using var list = await ScheduleTestClient.SendAsync(HttpMethod.Get, Path + "?limit=100", token);
        var listed = await ApiClient.ReadJsonAsync(list);
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(listed["schedules"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()), Does.Contain(id));
        Assert.That(listed["pagination"]!["limit"]!.GetValue<int>(), Is.EqualTo(100));

        var fetched = await ScheduleTestClient.GetAsync(token, id);
        Assert.That(fetched["name"]!.GetValue<string>(), Is.EqualTo("weekly mine"));

        using var deleted = await ScheduleTestClient.SendAsync(HttpMethod.Delete, $"{Path}/{id}", token);
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var gone = await ScheduleTestClient.SendAsync(HttpMethod.Get, $"{Path}/{id}", token);
        await ApiClient.AssertProblemAsync(gone, HttpStatusCode.NotFound, "SCHEDULE_NOT_FOUND");
    }

    [Test]
    public async Task AnotherUsersSchedule_Is404_ForGetAndDelete_AndNotListed()
    {
        var owner = TestTokens.Mint("learner-123", ["learner"], "org-123");
        var other = TestTokens.Mint("learner-456", ["learner"], "org-123");
        var id = (await ScheduleTestClient.CreateAsync(owner, StoreBody("not yours")))["id"]!.GetValue<string>();

        using var get = await ScheduleTestClient.SendAsync(HttpMethod.Get, $"{Path}/{id}", other);
        await ApiClient.AssertProblemAsync(get, HttpStatusCode.NotFound, "SCHEDULE_NOT_FOUND");
        using var delete = await ScheduleTestClient.SendAsync(HttpMethod.Delete, $"{Path}/{id}", other);
        await ApiClient.AssertProblemAsync(delete, HttpStatusCode.NotFound, "SCHEDULE_NOT_FOUND");
        using var unknown = await ScheduleTestClient.SendAsync(HttpMethod.Get, $"{Path}/sch_01JUNKNOWN00000000000000000", owner);
        await ApiClient.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "SCHEDULE_NOT_FOUND");
        using var list = await ScheduleTestClient.SendAsync(HttpMethod.Get, Path + "?limit=100", other);
        var listed = await ApiClient.ReadJsonAsync(list);
        Assert.That(listed["schedules"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()), Does.Not.Contain(id));
        // Still there for its owner.
        await ScheduleTestClient.GetAsync(owner, id);
    }

    [Test]
    public async Task Create_ForAnotherLearnersReport_Returns403AsGenerateDoes()
    {
        var token = TestTokens.Mint("learner-123", ["learner"], "org-123");

        using var response = await ScheduleTestClient.SendAsync(HttpMethod.Post, Path, token,
            new { name = "spy", type = "learner", format = "csv", userId = "learner-456", cron = "@daily" });

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [TestCase("0 7 * *", "cron")]
    [TestCase("61 7 * * 1", "cron")]
    [TestCase("*/30 * * * *", "cron")]
    [TestCase("0,30 8-20 * * *", "cron")]
    [TestCase("@hourly", "cron")]
    public async Task Create_WithABadCron_Returns400OnCron(string cron, string field)
    {
        var token = TestTokens.Mint("learner-123", ["learner"], "org-123");

        using var response = await ScheduleTestClient.SendAsync(HttpMethod.Post, Path, token, StoreBody("bad cron", cron));

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Does.Contain(field));
    }

    [Test]
    public async Task Create_At24RunsADay_IsAccepted()
    {
        var token = TestTokens.Mint("learner-123", ["learner"], "org-123");
        var schedule = await ScheduleTestClient.CreateAsync(token, StoreBody("hourly", "0 * * * *"));
        await ScheduleTestClient.SendAsync(HttpMethod.Delete, $"{Path}/{schedule["id"]!.GetValue<string>()}", token);
    }

    [TestCase("email")]
    [TestCase("webhook")]
    public async Task Create_WithAChannelTheServerHasNotEnabled_Returns400OnDeliveryChannel(string channel)
    {
        var token = TestTokens.Mint("learner-123", ["learner"], "org-123");
        object delivery = channel == "email"
            ? new { channel, recipients = new[] { "learner@test.com" } }
            : new { channel, webhookUrl = "https://hooks.example.com/x" };

        using var response = await ScheduleTestClient.SendAsync(HttpMethod.Post, Path, token,
            new { name = "off", type = "learner", format = "pdf", cron = "@weekly", delivery });

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Does.Contain("delivery.channel"));
    }

    [Test]
    public async Task Create_InBerlin_NextRunIsTheNextMonday0700Local()
    {
        var token = TestTokens.Mint("learner-123", ["learner"], "org-123");
        var before = DateTimeOffset.UtcNow;

        var schedule = await ScheduleTestClient.CreateAsync(token, StoreBody("berlin", "0 7 * * 1", "Europe/Berlin"));

        var next = schedule["nextRunAt"]!.GetValue<DateTimeOffset>();
        var local = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Multiple(() =>
        {
            Assert.That(schedule["timeZone"]!.GetValue<string>(), Is.EqualTo("Europe/Berlin"));
            Assert.That(local.DayOfWeek, Is.EqualTo(DayOfWeek.Monday));
            Assert.That((local.Hour, local.Minute), Is.EqualTo((7, 0)));
            Assert.That(next, Is.GreaterThan(before).And.LessThanOrEqualTo(before.AddDays(7)));
        });
        await ScheduleTestClient.SendAsync(HttpMethod.Delete, $"{Path}/{schedule["id"]!.GetValue<string>()}", token);
    }

    [Test]
    public async Task DueSchedule_FiredByTheJob_StoresADownloadableReportWithItsScheduleId_AndAdvancesNextRun()
    {
        var token = TestTokens.Mint("learner-123", ["learner"], "org-123");
        var id = (await ScheduleTestClient.CreateAsync(token, StoreBody("fired", "0 6 * * *")))["id"]!.GetValue<string>();
        var now = DateTimeOffset.UtcNow;

        await ScheduleTestClient.FireAsync(id, now);

        var schedule = await ScheduleTestClient.WaitForRunAsync(token, id);
        var reportId = schedule["lastReportId"]!.GetValue<string>();
        var report = (await ReportTestClient.WaitForAsync(token, reportId, "completed"))["report"]!;
        using var download = await ReportTestClient.DownloadAsync(token, reportId);
        var to = DateOnly.FromDateTime(now.UtcDateTime);
        Assert.Multiple(() =>
        {
            Assert.That(schedule["lastRunStatus"]!.GetValue<string>(), Is.EqualTo("succeeded"));
            Assert.That(schedule["lastRunAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(now).Within(TimeSpan.FromSeconds(1)));
            Assert.That(schedule["nextRunAt"]!.GetValue<DateTimeOffset>(), Is.GreaterThan(now).And.LessThanOrEqualTo(now.AddDays(1)));
            Assert.That(schedule["nextRunAt"]!.GetValue<DateTimeOffset>().UtcDateTime.Hour, Is.EqualTo(6));
            Assert.That(report["scheduleId"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(report["title"]!.GetValue<string>(), Is.EqualTo("fired"));
            Assert.That(report["to"]!.GetValue<string>(), Is.EqualTo(to.ToString("yyyy-MM-dd")));
            Assert.That(report["from"]!.GetValue<string>(), Is.EqualTo(to.AddDays(-6).ToString("yyyy-MM-dd")), "last-7-days");
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });

        // Deleting the schedule leaves its report.
        await ScheduleTestClient.SendAsync(HttpMethod.Delete, $"{Path}/{id}", token);
        using var stillThere = await ReportTestClient.DownloadAsync(token, reportId);
        Assert.That(stillThere.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Schedule_WhoseOwnerLostTheRole_FailsAndIsDisabledOnItsRun()
    {
        await TestStore.OrganisationAsync("org-sch-lost", new DateOnly(2025, 3, 14));
        await TestStore.UserAsync("sch-lost-admin", "org-sch-lost", null, "org-admin");
        var token = TestTokens.Mint("sch-lost-admin", ["org-admin"], "org-sch-lost");
        var id = (await ScheduleTestClient.CreateAsync(token,
            new { name = "org weekly", type = "organisation", format = "json", cron = "@weekly" }))["id"]!.GetValue<string>();
        await TestStore.ExecuteAsync(
            "DELETE FROM lrs.user_roles WHERE user_id = 'sch-lost-admin'; INSERT INTO lrs.user_roles (user_id, role, source) VALUES ('sch-lost-admin', 'learner', 'test')");

        await ScheduleTestClient.FireAsync(id, DateTimeOffset.UtcNow);

        var schedule = await ScheduleTestClient.GetAsync(token, id);
        var reports = await TestStore.ScalarAsync<long>("SELECT count(*) FROM reporting.report_jobs WHERE schedule_id = @id", new { id });
        Assert.Multiple(() =>
        {
            Assert.That(schedule["enabled"]!.GetValue<bool>(), Is.False);
            Assert.That(schedule["lastRunStatus"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(schedule["nextRunAt"], Is.Null);
            Assert.That(reports, Is.Zero);
        });
    }

    [Test]
    public async Task TheTwentyFirstSchedule_Returns409LimitReached()
    {
        await TestStore.OrganisationAsync("org-sch-limit", new DateOnly(2025, 3, 14));
        await TestStore.UserAsync("sch-limit-learner", "org-sch-limit", null, "learner");
        var token = TestTokens.Mint("sch-limit-learner", ["learner"], "org-sch-limit");
        for (var i = 0; i < 20; i++)
        {
            await ScheduleTestClient.CreateAsync(token, StoreBody($"s{i}"));
        }

        using var response = await ScheduleTestClient.SendAsync(HttpMethod.Post, Path, token, StoreBody("one too many"));

        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.Conflict, "LIMIT_REACHED");
        Assert.That(problem["limit"]!.GetValue<int>(), Is.EqualTo(20));
    }
}
