using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Analytics.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Analytics.Tests.Features.Auth;

/// <summary>External identity-provider mode (API.md §2.5): the provider's tokens are accepted through the claim map; local login is off.</summary>
public sealed class ExternalAuthTests
{
    private const string SharedKey = "ZXh0ZXJuYWwtaWRwLXNoYXJlZC1rZXktb2YtMzItYnl0ZXMhIQ==";
    private AnalyticsApiFactory? _factory;

    [OneTimeSetUp]
    public void Start() =>
        _factory = new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?>
        {
            ["Sources:Mode"] = "upstream",
            ["Auth:Mode"] = "external",
            ["Auth:External:Issuer"] = "https://idp.example.test",
            ["Auth:External:Audience"] = "analytics",
            ["Auth:External:SigningKeys:0"] = SharedKey,
        });

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    [Test]
    public async Task Me_WithProviderToken_MapsUserIdRoleAndOrganisationClaims()
    {
        using var client = _factory!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ProviderToken("https://idp.example.test"));

        using var response = await client.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative));
        var body = await ApiClient.ReadJsonAsync(response);

        var user = body["user"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(body["authMode"]!.GetValue<string>(), Is.EqualTo("external"));
            Assert.That(user["id"]!.GetValue<string>(), Is.EqualTo("idp-user-1"));
            Assert.That(user["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "org-admin" }));
            Assert.That(user["organizationId"]!.GetValue<string>(), Is.EqualTo("idp-org"));
        });
    }

    [Test]
    public async Task Me_WithTokenOfAnotherIssuer_Returns401()
    {
        using var client = _factory!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ProviderToken("https://evil.example.test"));

        using var response = await client.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative));

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Test]
    public async Task Login_InExternalMode_Returns404LocalAuthDisabled()
    {
        using var client = _factory!.CreateClient();

        using var response = await client.PostAsJsonAsync(
            new Uri("/api/v1/auth/login", UriKind.Relative), new { email = "learner@test.com", password = "password123" });

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "LOCAL_AUTH_DISABLED");
    }

    private static string ProviderToken(string issuer) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "analytics",
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object>
            {
                ["userId"] = "idp-user-1",
                ["role"] = "org_admin",
                ["organizationId"] = "idp-org",
            },
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(SharedKey)), SecurityAlgorithms.HmacSha256),
        });
}
