using System.Net;
using System.Net.Http.Json;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Analytics.Tests.Security;

/// <summary>
/// Issue #9 point 3, login brute force: besides the per-address limit (Features/Auth/LoginRateLimitTests), failed logins are
/// limited per e-mail (API.md §5: 10 per hour by default), so guessing one account's password from many addresses stops too.
/// </summary>
public sealed class LoginBruteForceTests
{
    private const string Email = "atk-brute@test.com";

    [Test]
    public async Task Login_FailuresForOneEmailFromManyAddresses_Returns429ForThatEmailEvenWithTheRightPassword()
    {
        await SeedAccountAsync();
        await using var host = SecurityHost.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:loginEmail:Limit", "3");
            builder.UseSetting("RateLimits:loginEmail:WindowSeconds", "3600");
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>());
        });
        using var client = host.CreateClient();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var failed = await LoginAsync(client, $"203.0.113.{attempt}", Email, "wrong-password");
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {attempt}");
        }

        // The failures really came from three addresses (the per-address limit is out of reach in this host).
        Assert.That(await SecurityHost.CountAsync("SELECT count(DISTINCT ip_hash) FROM auth.login_attempts WHERE NOT succeeded"), Is.GreaterThanOrEqualTo(3));

        using var blocked = await LoginAsync(client, "203.0.113.50", Email, ApiClient.Password);
        using var otherAccount = await LoginAsync(client, "203.0.113.50", "learner@test.com", ApiClient.Password);

        var body = await ApiClient.AssertProblemAsync(blocked, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.Multiple(() =>
        {
            Assert.That(body["limit"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(body["windowSeconds"]!.GetValue<int>(), Is.EqualTo(3600));
            Assert.That(blocked.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 3600));
            Assert.That(otherAccount.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the limit is per e-mail, the address is not exhausted");
        });
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string address, string email, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/auth/login", UriKind.Relative))
        {
            Content = JsonContent.Create(new { email, password }),
        };
        request.Headers.Add(ClientAddressStartupFilter.HeaderName, address);
        return await client.SendAsync(request);
    }

    private static async Task SeedAccountAsync()
    {
        await using var connection = new NpgsqlConnection(SecurityHost.ConnectionString);
        await connection.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(
            connection,
            """
            INSERT INTO lrs.users (id, organisation_id, email, display_name, source) VALUES ('atk-brute', 'org-123', @Email, 'Brute target', 'test');
            INSERT INTO lrs.user_roles (user_id, role, source) VALUES ('atk-brute', 'learner', 'test');
            INSERT INTO auth.user_credentials (user_id, password_hash, password_changed_at, created_at) VALUES ('atk-brute', @hash, now(), now());
            """,
            new { Email, hash = new PasswordHasher<string>().HashPassword(string.Empty, ApiClient.Password) });
    }
}
