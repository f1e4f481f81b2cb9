using Analytics.Api.Features.Sources.UpstreamStub;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace Analytics.Tests.Features.Sources.UpstreamStub;

/// <summary>
/// The stub's listings are the inverse of the sync's mapping (SOURCES.md §3.3): a service in upstream mode synced from the stub
/// over the shared demo store holds the same rows as that store. All nine services are synced (parents come from their own
/// services); the tables checked are those of the Directory, Auth, Skills Engine, Learner AI, DevLab and RAG Assistant feeds.
/// </summary>
[NonParallelizable]
public sealed class UpstreamStubRoundTripTests
{
    private const string Org = "org-123";

    private static readonly IReadOnlyList<UpstreamService> Services = UpstreamServices.All;

    private WebApplication _stub = null!;
    private UpstreamTestHost _host = null!;
    private SyncRunResult _sync = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // The test host's token for the Directory, so the stub's token check is part of the round trip.
        _stub = UpstreamStubHost.Create(new UpstreamStubOptions(0, TestHost.ConnectionString, "token-directory"));
        await _stub.StartAsync();
        var address = UpstreamStubHost.Address(_stub).ToString().TrimEnd('/');
        var settings = new Dictionary<string, string?>();
        foreach (var service in Services)
        {
            settings[$"Upstreams:{service.ConfigName}:BaseUrl"] = $"{address}/{service.Name}";
            settings[$"Upstreams:{service.ConfigName}:Token"] = "token-directory";
        }

        _host = await UpstreamTestHost.StartAsync("upstream_stub_round_trip", settings, Services);
        _sync = await _host.Sync.RunAsync(new SyncRequest(SyncMode.Incremental, OrganisationId: Org), CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _host.DisposeAsync();
        await _stub.StopAsync();
        await _stub.DisposeAsync();
    }

    [Test]
    public void Sync_FromTheStub_Completes()
    {
        Assert.That(_sync.Status, Is.EqualTo("completed"), string.Join("; ", _sync.Failures));
    }

    [TestCase("SELECT concat_ws('|', id, name, time_zone, settings::text) FROM lrs.organisations WHERE id = @Org")]
    [TestCase("SELECT concat_ws('|', id, organisation_id, name) FROM lrs.departments WHERE organisation_id = @Org")]
    [TestCase(
        """
        SELECT concat_ws('|', id, organisation_id, coalesce(department_id, '-'), coalesce(email, '-'), display_name,
                         coalesce(time_zone, '-'), active, created_at)
        FROM lrs.users WHERE organisation_id = @Org
        """)]
    [TestCase("SELECT r.user_id || ':' || r.role FROM lrs.user_roles r JOIN lrs.users u ON u.id = r.user_id WHERE u.organisation_id = @Org")]
    [TestCase("SELECT concat_ws('|', id, organisation_id, name, unit, target, value, weight, period) FROM lrs.kpis WHERE organisation_id = @Org")]
    [TestCase(
        """
        SELECT concat_ws('|', id, organisation_id, coalesce(department_id, '-'), skill_id, required_level, business_priority,
                         coalesce(value_proposition, '-'), coalesce(career_impact::text, '-'))
        FROM lrs.skill_targets WHERE organisation_id = @Org
        """)]
    [TestCase(
        """
        SELECT concat_ws('|', m.mentor_id, m.mentee_id, m.started_on, coalesce(m.ended_on::text, '-'))
        FROM lrs.mentoring_links m JOIN lrs.users u ON u.id = m.mentee_id WHERE u.organisation_id = @Org
        """)]
    [TestCase(
        """
        SELECT concat_ws('|', s.user_id, s.started_at, coalesce(s.duration_s::text, '-'))
        FROM lrs.sessions s JOIN lrs.users u ON u.id = s.user_id WHERE u.organisation_id = @Org
        """)]
    [TestCase("SELECT concat_ws('|', id, name, coalesce(category, '-'), coalesce(market_demand::text, '-')) FROM lrs.skills")]
    [TestCase("SELECT skill_id || '>' || requires_skill_id FROM lrs.skill_prerequisites")]
    [TestCase("SELECT cs.course_id || '|' || cs.skill_id FROM lrs.course_skills cs JOIN lrs.courses c ON c.id = cs.course_id WHERE c.organisation_id = @Org")]
    [TestCase(
        """
        SELECT ts.topic_id || '|' || ts.skill_id
        FROM lrs.topic_skills ts JOIN lrs.topics t ON t.id = ts.topic_id JOIN lrs.courses c ON c.id = t.course_id WHERE c.organisation_id = @Org
        """)]
    [TestCase(
        """
        SELECT concat_ws('|', us.user_id, us.skill_id, us.level, us.acquired, coalesce(us.acquired_on::text, '-'), coalesce(us.method, '-'))
        FROM lrs.user_skills us JOIN lrs.users u ON u.id = us.user_id WHERE u.organisation_id = @Org
        """)]
    [TestCase(
        """
        SELECT concat_ws('|', p.id, p.user_id, p.title, p.created_at)
        FROM lrs.learning_paths p JOIN lrs.users u ON u.id = p.user_id WHERE u.organisation_id = @Org
        """)]
    [TestCase(
        """
        SELECT concat_ws('|', t.path_id, t.position, t.topic_id)
        FROM lrs.learning_path_topics t JOIN lrs.learning_paths p ON p.id = t.path_id JOIN lrs.users u ON u.id = p.user_id
        WHERE u.organisation_id = @Org
        """)]
    [TestCase(
        """
        SELECT concat_ws('|', r.user_id, r.item_type, r.item_id, r.reason, coalesce(r.score::text, '-'), r.generated_at)
        FROM lrs.recommendations_feed r JOIN lrs.users u ON u.id = r.user_id WHERE u.organisation_id = @Org AND r.provider = 'learner-ai'
        """)]
    [TestCase(
        """
        SELECT concat_ws('|', ps.id, ps.user_id, coalesce(ps.topic_id, '-'), coalesce(ps.skill_id, '-'), ps.started_at, ps.passed,
                         coalesce(ps.score_pct::text, '-'), ps.attempts)
        FROM lrs.practice_sessions ps JOIN lrs.users u ON u.id = ps.user_id WHERE u.organisation_id = @Org
        """)]
    [TestCase(
        """
        SELECT concat_ws('|', h.id, h.user_id, coalesce(h.course_id, '-'), h.asked_at)
        FROM lrs.help_requests h JOIN lrs.users u ON u.id = h.user_id WHERE u.organisation_id = @Org
        """)]
    public async Task Sync_FromTheStub_ReproducesTheStoresRows(string sql)
    {
        var stored = await RowsAsync(TestHost.ConnectionString, sql);
        var synced = await RowsAsync(_host.ConnectionString, sql);

        Assert.That(stored, Is.Not.Empty);
        Assert.That(synced, Is.EqualTo(stored));
    }

    private static async Task<string[]> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<string>(connection, sql, new { Org })).Order(StringComparer.Ordinal).ToArray();
    }
}
