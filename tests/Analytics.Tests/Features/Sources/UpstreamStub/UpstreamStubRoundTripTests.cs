using Analytics.Api.Features.Sources.UpstreamStub;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace Analytics.Tests.Features.Sources.UpstreamStub;

/// <summary>
/// The stub's listings are the inverse of the sync's mapping (SOURCES.md §3.3): a service in upstream mode synced from the stub
/// over the shared demo store holds the same rows as that store. Checked for the feeds that exist (Directory: organisations,
/// departments, users and roles); the other feeds join this test as they land.
/// </summary>
[NonParallelizable]
public sealed class UpstreamStubRoundTripTests
{
    private const string Org = "org-123";

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
        _host = await UpstreamTestHost.StartAsync(
            "upstream_stub_round_trip",
            new Dictionary<string, string?> { ["Upstreams:Directory:BaseUrl"] = $"{address}/{UpstreamServices.Directory.Name}" },
            [UpstreamServices.Directory]);
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
