using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// Rejected items are retried, but never against newer data (SOURCES.md §1.1): a replace-set sent again settles the earlier
/// rejects of its rows, a tombstone settles its item's rejects, and a page with a single bad item does not fail its pass.
/// </summary>
[NonParallelizable]
public sealed class UpstreamRejectTests
{
    private UpstreamTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await UpstreamTestHost.StartAsync("upstream_reject_tests", services: [UpstreamServices.CourseBuilder]);
        await _host.ExecuteAsync(
            """
            INSERT INTO lrs.organisations (id, name, time_zone, source) VALUES ('org-rj', 'Rejects', 'UTC', 'upstream');
            INSERT INTO lrs.users (id, organisation_id, display_name, source) VALUES ('rj-trainer', 'org-rj', 'Trainer', 'upstream');
            """);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task ACourseSentAgainWithoutItsMissingTrainer_SettlesTheReject_AndTheOldItemIsNeverReplayed()
    {
        Courses(Course("c-rj1", "Old title", ["rj-trainer", "ghost"]));
        var first = await SyncAsync();
        var rejected = await RejectsAsync();

        Courses(Course("c-rj1", "New title", ["rj-trainer"]));
        await SyncAsync();
        var afterResend = await RejectsAsync();
        await SyncAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(first.Status, Is.EqualTo("completed"), "one bad row of a one-item page does not fail the pass");
            Assert.That(rejected, Is.EqualTo(new[] { "course_trainers:c-rj1|ghost" }));
            Assert.That(afterResend, Is.Empty);
            Assert.That(await _host.ScalarAsync<string>("SELECT title FROM lrs.courses WHERE id = 'c-rj1'"), Is.EqualTo("New title"));
            Assert.That(await _host.ScalarAsync<long>("SELECT count(*) FROM lrs.course_trainers WHERE course_id = 'c-rj1'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ATombstone_SettlesItsItemsRejects_AndTheDeletedRowDoesNotComeBack()
    {
        Courses(Course("c-rj2", "Doomed", ["rj-trainer", "ghost"]));
        await SyncAsync();
        await _host.ExecuteAsync("INSERT INTO lrs.users (id, organisation_id, display_name, source) VALUES ('ghost', 'org-rj', 'Ghost', 'upstream')");

        var tombstone = Course("c-rj2", "Doomed", ["rj-trainer", "ghost"]);
        tombstone["deletedAt"] = "2025-10-27T01:30:00Z";
        Courses(tombstone);
        await SyncAsync();
        await SyncAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await _host.ScalarAsync<long>("SELECT count(*) FROM lrs.courses WHERE id = 'c-rj2'"), Is.Zero);
            Assert.That(await _host.ScalarAsync<long>("SELECT count(*) FROM ops.sync_rejects WHERE record_key LIKE '%c-rj2%'"), Is.Zero);
        });
        await _host.ExecuteAsync("DELETE FROM lrs.users WHERE id = 'ghost'");
    }

    [Test]
    public async Task AnIdSentTwiceInOnePage_IsOneRow_WithThePagesLaterItem()
    {
        _host.Server.Reset();
        _host.EmptyEverywhere();
        _host.ServeJson(UpstreamServices.CourseBuilder, "organizations/org-rj/courses", new JsonObject
        {
            ["items"] = new JsonArray(Course("c-rj3", "First", ["rj-trainer"]), Course("c-rj3", "Second", ["rj-trainer"])),
            ["nextCursor"] = null,
            ["asOf"] = "2025-10-27T02:00:00Z",
        });

        var result = await SyncAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
            Assert.That(await _host.ScalarAsync<string>("SELECT title FROM lrs.courses WHERE id = 'c-rj3'"), Is.EqualTo("Second"));
        });
    }

    private async Task<SyncRunResult> SyncAsync() =>
        await _host.Sync.RunAsync(new SyncRequest(SyncMode.Incremental, OrganisationId: "org-rj"), CancellationToken.None);

    private async Task<IReadOnlyList<string>> RejectsAsync() =>
        await _host.QueryAsync<string>("SELECT record_key FROM ops.sync_rejects WHERE scope = 'org-rj' ORDER BY 1");

    private void Courses(JsonObject course)
    {
        _host.Server.Reset();
        _host.EmptyEverywhere();
        _host.ServeJson(UpstreamServices.CourseBuilder, "organizations/org-rj/courses", new JsonObject
        {
            ["items"] = new JsonArray(course),
            ["nextCursor"] = null,
            ["asOf"] = "2025-10-27T02:00:00Z",
        });
    }

    private static JsonObject Course(string id, string title, string[] trainers) => new()
    {
        ["id"] = id,
        ["organizationId"] = "org-rj",
        ["title"] = title,
        ["trainerIds"] = new JsonArray(trainers.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        ["modules"] = new JsonArray(),
        ["updatedAt"] = "2025-10-27T01:00:00Z",
    };
}
