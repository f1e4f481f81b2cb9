using Analytics.Tests.Infrastructure;

// The root namespace, so this set-up fixture runs once for every test of the assembly.
namespace Analytics.Tests;

/// <summary>
/// One service host per test run, on its own database (migrated and filled with the tiny demo preset at start), shared by every
/// fixture. Tests that add rows use ids of their own, so they never see each other's data.
/// </summary>
[SetUpFixture]
public sealed class TestHost
{
    private static AnalyticsApiFactory? _factory;
    private static string? _connectionString;

    public static AnalyticsApiFactory Factory => _factory ?? throw new InvalidOperationException("The test host has not started.");

    public static string ConnectionString => _connectionString ?? throw new InvalidOperationException("The test host has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _connectionString = await TestDatabases.CreateEmptyAsync("analytics_tests");
        _factory = new AnalyticsApiFactory(_connectionString);
        using var client = _factory.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.That((int)ready.StatusCode, Is.EqualTo(200), "the test host did not become ready");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    public static HttpClient Client() => Factory.CreateClient();
}
