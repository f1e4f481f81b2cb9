using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Analytics.Tests.Infrastructure;

/// <summary>The service in-process against a real PostgreSQL database, in demo mode with the tiny preset and a pinned end date.</summary>
public sealed class AnalyticsApiFactory(string connectionString, IReadOnlyDictionary<string, string?>? overrides = null)
    : WebApplicationFactory<Program>
{
    /// <summary>A fixed HS256 key so tests can mint their own tokens (expired, tampered, forged).</summary>
    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS10aGF0LWlzLTMyLWJ5dGVzLWxvbmcK";

    /// <summary>A fixed key for erasure tombstones, so a test can hash an id the way the service does.</summary>
    public const string SubjectHashKey = "dGVzdC1zdWJqZWN0LWhhc2gta2V5LXRoYXQtaXMtMzItYnl0ZXMK";

    public const string DemoEndDate = "2025-03-14";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Analytics", connectionString);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Privacy:SubjectHashKey", SubjectHashKey);
        builder.UseSetting("Sources:Mode", "demo");
        builder.UseSetting("Sources:Demo:Preset", "tiny");
        builder.UseSetting("Sources:Demo:EndDate", DemoEndDate);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every rate class very high, except in the rate-limit tests, which pass their own limits (CONVENTIONS.md, Tests).
        builder.UseSetting("RateLimits:login:Limit", "1000000");
        builder.UseSetting("RateLimits:loginEmail:Limit", "1000000");
        foreach (var rateClass in new[] { "token", "session", "read", "refresh", "operator", "system", "report", "write", "privacy" })
        {
            builder.UseSetting($"RateLimits:{rateClass}:Limit", "1000000");
        }
        // No background refresh workers: tests run jobs themselves (RefreshWorker.RunNextAsync), so every host on the shared
        // database leaves the queue to the test that is looking at it.
        builder.UseSetting("Refresh:Workers", "0");
        builder.ConfigureLogging(logging => logging.AddProvider(new TestLogProvider()));
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
