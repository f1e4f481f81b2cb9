using System.Diagnostics;
using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// A slow half of the nine services (answers after 10 s, past the 1 s attempt timeout of this host): the sync ends `partial`
/// in bounded time with the other half's passes complete, the slow services' passes failed without a watermark, and coverage
/// names exactly the slow services an analytic needs (SOURCES.md §3.5, §3.6).
/// </summary>
[NonParallelizable]
public sealed class UpstreamSlowHalfTests
{
    private static readonly UpstreamService[] Slow =
        [UpstreamServices.Auth, UpstreamServices.ContentStudio, UpstreamServices.Assessment, UpstreamServices.DevLab];

    private UpstreamTestHost _host = null!;
    private SyncRunResult _result = null!;
    private TimeSpan _elapsed;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await UpstreamTestHost.StartAsync("upstream_slow_half_tests", new Dictionary<string, string?>
        {
            ["Upstreams:Defaults:TimeoutSeconds"] = "1",
            ["Upstreams:Defaults:TotalTimeoutSeconds"] = "4",
        });
        _host.ServeJson(UpstreamServices.Directory, "organizations", new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject { ["id"] = "org-slow", ["name"] = "Slow", ["settings"] = new JsonObject { ["timezone"] = "UTC" } }),
            ["nextCursor"] = null,
            ["asOf"] = "2025-10-27T02:00:00Z",
        }, 5);
        foreach (var service in Slow)
        {
            _host.Server.Given(Request.Create().UsingGet().WithPath(new RegexMatcher($"^/{service.Name}/api/v1/.*"))).AtPriority(1)
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithDelay(TimeSpan.FromSeconds(10))
                    .WithBody("""{"items":[],"nextCursor":null,"asOf":"2025-10-27T02:00:00Z"}"""));
        }

        _host.EmptyEverywhere();
        var started = Stopwatch.GetTimestamp();
        _result = await _host.Sync.RunAsync(new SyncRequest(SyncMode.Incremental), CancellationToken.None);
        _elapsed = Stopwatch.GetElapsedTime(started);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public void Sync_EndsPartial_InBoundedTime_WithOnlyTheSlowServicesFailing()
    {
        var failed = _result.Failures.Select(f => f.Split('/')[0]).Distinct().Order().ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(_result.Status, Is.EqualTo("partial"));
            Assert.That(failed, Is.EqualTo(Slow.Select(s => s.Name).Order().ToArray()));
            Assert.That(_result.Passes, Is.GreaterThan(0));
            // Each slow service costs one timed-out call (its later listings fail at once); the fast half is not held up.
            Assert.That(_elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        });
    }

    [Test]
    public async Task FastServices_AdvanceTheirWatermarks_AndSlowOnesDoNot()
    {
        var states = await _host.QueryAsync<(string Entity, bool HasWatermark)>(
            "SELECT entity, watermark IS NOT NULL FROM ops.sync_state WHERE source = 'upstream' AND scope = 'org-slow'");
        var feeds = _host.Sync.Feeds.Where(f => !f.PlatformScope).ToArray();
        var slowEntities = feeds.Where(f => Slow.Contains(f.Service)).Select(f => f.Entity).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(states.Where(s => slowEntities.Contains(s.Entity)).Select(s => s.HasWatermark), Is.Not.Empty.And.All.False);
            Assert.That(states.Where(s => !slowEntities.Contains(s.Entity)).Select(s => s.HasWatermark), Is.Not.Empty.And.All.True);
        });
    }

    [Test]
    public async Task Coverage_NamesTheSlowServicesAnAnalyticNeeds()
    {
        var coverage = _host.Factory.Services.GetRequiredService<UpstreamCoverage>();
        coverage.Forget();

        var velocity = await coverage.ForOrganisationAsync("org-slow", "learning-velocity", CancellationToken.None);
        var engagement = await coverage.ForOrganisationAsync("org-slow", "engagement", CancellationToken.None);
        var dropOff = await coverage.ForOrganisationAsync("org-slow", "drop-off-risk", CancellationToken.None);
        var atRisk = await coverage.ForOrganisationAsync("org-slow", "at-risk", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(engagement.DegradedUpstreams, Is.SupersetOf(new[] { "content-studio", "assessment" }));
            Assert.That(engagement.DegradedUpstreams, Has.None.EqualTo("directory"));
            Assert.That(engagement.AllowsComputation, Is.False, "engagement stands mostly on the slow half");
            Assert.That(velocity.DegradedUpstreams, Has.None.EqualTo("directory").And.None.EqualTo("course-builder"));
            // An at-risk list is drop-off risk over a cohort: it stands on the same services (the load run found it never degraded).
            Assert.That(atRisk.DegradedUpstreams, Is.Not.Empty.And.EquivalentTo(dropOff.DegradedUpstreams));
        });
    }
}
