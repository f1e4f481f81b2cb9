using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Upstream;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Analytics.Tests.Infrastructure;

/// <summary>
/// The service in upstream mode on a database of its own, with the nine services played by one WireMock server: each service's
/// BaseUrl is `{server}/{name}` (`/course-builder/api/v1/…`), so a test can fail one service and not the others. Retries and
/// breaks are shortened (`overrides` may change them back); the contract is the one of SOURCES.md §3.2.
/// </summary>
public sealed class UpstreamTestHost : IAsyncDisposable
{
    private UpstreamTestHost(WireMockServer server, AnalyticsApiFactory factory, string connectionString)
    {
        Server = server;
        Factory = factory;
        ConnectionString = connectionString;
    }

    public WireMockServer Server { get; }

    public AnalyticsApiFactory Factory { get; }

    public string ConnectionString { get; }

    public UpstreamSync Sync => Factory.Services.GetRequiredService<UpstreamSync>();

    public UpstreamCircuits Circuits => Factory.Services.GetRequiredService<UpstreamCircuits>();

    public static string ContractsPath => Shared.Database.RepositoryRoot.Combine("tests", "Contracts", "Upstreams");

    /// <summary>Starts WireMock and the host; every service is configured unless <paramref name="services"/> names fewer.</summary>
    public static async Task<UpstreamTestHost> StartAsync(
        string database, IReadOnlyDictionary<string, string?>? overrides = null, IEnumerable<UpstreamService>? services = null)
    {
        var server = WireMockServer.Start();
        var connectionString = await TestDatabases.CreateEmptyAsync(database);
        var settings = new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "upstream",
            ["Upstreams:Defaults:RetryBaseDelaySeconds"] = "0.01",
            ["Upstreams:Defaults:TimeoutSeconds"] = "2",
            ["Upstreams:Defaults:TotalTimeoutSeconds"] = "8",
            ["Upstreams:Defaults:BreakSeconds"] = "30",
            ["Sync:IncrementalMinutes"] = "0",
        };
        foreach (var service in services ?? UpstreamServices.All)
        {
            settings[$"Upstreams:{service.ConfigName}:BaseUrl"] = $"{server.Url}/{service.Name}";
            settings[$"Upstreams:{service.ConfigName}:Token"] = $"token-{service.Name}";
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var factory = new AnalyticsApiFactory(connectionString, settings);
        using var client = factory.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return new UpstreamTestHost(server, factory, connectionString);
    }

    /// <summary>Answers every page of a listing with an empty page (so a sync of the other listings can run).</summary>
    public void EmptyEverywhere() =>
        Server.Given(Request.Create().UsingGet().WithPath(new WireMock.Matchers.RegexMatcher("^/.*/api/v1/.*")))
            .AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"items":[],"nextCursor":null,"asOf":"2025-10-27T02:00:00Z"}"""));

    /// <summary>
    /// Serves a recorded page (`tests/Contracts/Upstreams/&lt;Service&gt;/&lt;file&gt;`) at a path: without a cursor for any call of
    /// the path, with one (a higher priority, WireMock's lower number) only for that cursor.
    /// </summary>
    public void Serve(UpstreamService service, string path, string file, string? cursor = null)
    {
        var request = Request.Create().UsingGet().WithPath($"/{service.Name}/api/v1/{path}");
        if (cursor is not null)
        {
            request = request.WithParam("cursor", cursor);
        }

        Server.Given(request).AtPriority(cursor is null ? 10 : 5)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(File.ReadAllText(Path.Combine(ContractsPath, service.ConfigName, file))));
    }

    /// <summary>Serves a page built in the test.</summary>
    public void ServeJson(UpstreamService service, string path, JsonNode page, int priority = 10) =>
        Server.Given(Request.Create().UsingGet().WithPath($"/{service.Name}/api/v1/{path}")).AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(page.ToJsonString()));

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, sql, parameters);
    }

    public async Task<T?> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, sql, parameters);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<T>(connection, sql, parameters)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Server.Stop();
        Server.Dispose();
    }
}
