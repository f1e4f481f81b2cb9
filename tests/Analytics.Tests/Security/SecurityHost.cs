using Analytics.Tests.Infrastructure;
using Npgsql;

namespace Analytics.Tests.Security;

/// <summary>
/// The attack suite's own host and database (tiny demo preset plus a second organisation, <see cref="AccessWorld"/>): the matrix
/// queues refresh jobs and reports for many subjects, and the injection tests count rows, so none of it may share the common
/// test database, whose queue other tests drain. Hosts with a changed access table are derived from this one (same database).
/// </summary>
[SetUpFixture]
public sealed class SecurityHost
{
    private static AnalyticsApiFactory? _factory;
    private static string? _connectionString;

    public static AnalyticsApiFactory Factory => _factory ?? throw new InvalidOperationException("The security host has not started.");

    public static string ConnectionString => _connectionString ?? throw new InvalidOperationException("The security host has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _connectionString = await TestDatabases.CreateEmptyAsync("security_tests");
        // The privacy class (API.md §5: 5 an hour per user) is raised too: the matrix sends each caller's privacy requests.
        _factory = new AnalyticsApiFactory(_connectionString, new Dictionary<string, string?> { ["RateLimits:privacy:Limit"] = "1000000" });
        using var client = _factory.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.That((int)ready.StatusCode, Is.EqualTo(200), "the security host did not become ready");
        await AccessWorld.SeedAsync(_connectionString);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    public static async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, sql);
    }
}
