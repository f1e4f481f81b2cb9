using System.Net;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Auth;

/// <summary>Login, refresh rotation and reuse, me, logout, and the 401 answers of API.md §2 and §1.5.</summary>
public sealed class AuthFlowTests
{
    private const string Org = "auth-org";
    private const string Email = "auth.learner@example.test";
    private const string MultiRoleEmail = "auth.multi@example.test";

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, new DateOnly(2025, 3, 15));
        await TestStore.UserAsync("auth-learner", Org, Email, "learner");
        await TestStore.UserAsync("auth-multi", Org, MultiRoleEmail, "org-admin", "learner", "trainer");
    }

    [Test]
    public async Task Login_WithValidCredentials_ReturnsTokenPairAndUser()
    {
        var body = await ApiClient.LoginAsync(MultiRoleEmail.ToUpperInvariant());

        var user = body["user"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body["token"]!.GetValue<string>().Split('.'), Has.Length.EqualTo(3));
            Assert.That(body["refreshToken"]!.GetValue<string>(), Has.Length.EqualTo(43));
            Assert.That(body["expiresIn"]!.GetValue<int>(), Is.EqualTo(3600));
            Assert.That(body["refreshExpiresIn"]!.GetValue<int>(), Is.EqualTo(1209600).Within(5));
            Assert.That(body["tokenType"]!.GetValue<string>(), Is.EqualTo("Bearer"));
            Assert.That(user["id"]!.GetValue<string>(), Is.EqualTo("auth-multi"));
            Assert.That(user["email"]!.GetValue<string>(), Is.EqualTo(MultiRoleEmail));
            // Roles always in the fixed order, so roles[0] (the default active role) is deterministic.
            Assert.That(user["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "learner", "trainer", "org-admin" }));
            Assert.That(user["role"]!.GetValue<string>(), Is.EqualTo("learner"));
            Assert.That(user["organizationId"]!.GetValue<string>(), Is.EqualTo(Org));
            Assert.That(user["organization_id"]!.GetValue<string>(), Is.EqualTo(Org));
            Assert.That(user["timeZone"]!.GetValue<string>(), Is.EqualTo("UTC"));
        });
    }

    [Test]
    public async Task Login_WithWrongPasswordOrUnknownEmail_Returns401WithTheSameBody()
    {
        using var wrong = await ApiClient.PostJsonAsync("/api/v1/auth/login", new { email = Email, password = "not-the-password" });
        using var unknown = await ApiClient.PostJsonAsync("/api/v1/auth/login", new { email = "nobody@example.test", password = "whatever" });

        var a = await ApiClient.AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        var b = await ApiClient.AssertProblemAsync(unknown, HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        Assert.Multiple(() =>
        {
            Assert.That(a["detail"]!.GetValue<string>(), Is.EqualTo(b["detail"]!.GetValue<string>()));
            Assert.That(wrong.Headers.WwwAuthenticate.ToString(), Does.Contain("realm=\"learning-analytics\""));
        });
    }

    [Test]
    public async Task Login_FailedAttempt_IsRecordedWithoutPersonalData()
    {
        using var _ = await ApiClient.PostJsonAsync("/api/v1/auth/login", new { email = "audit.probe@example.test", password = "x" });

        var plainTextRows = await TestStore.ScalarAsync<long>(
            "SELECT count(*) FROM auth.login_attempts WHERE encode(login_hash, 'escape') LIKE '%audit.probe%'");
        var rows = await TestStore.ScalarAsync<long>("SELECT count(*) FROM auth.login_attempts WHERE NOT succeeded");
        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.GreaterThan(0));
            Assert.That(plainTextRows, Is.Zero);
        });
    }

    [TestCase("{\"email\":\"not-an-email\",\"password\":\"x\"}", "email")]
    [TestCase("{\"email\":\"a@b.test\"}", "password")]
    [TestCase("{\"password\":\"x\"}", "email")]
    public async Task Login_WithInvalidFields_Returns400NamingTheField(string json, string field)
    {
        using var response = await SendRawAsync("/api/v1/auth/login", json, "application/json");

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]![field], Is.Not.Null);
    }

    [Test]
    public async Task Login_WithMalformedJson_Returns400MalformedRequest()
    {
        using var response = await SendRawAsync("/api/v1/auth/login", "{\"email\":", "application/json");

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "MALFORMED_REQUEST");
    }

    [Test]
    public async Task Login_WithJsonNestedDeeperThan32_Returns400MalformedRequest()
    {
        var json = "{\"email\":\"a@b.test\",\"password\":\"x\",\"x\":" + new string('[', 40) + new string(']', 40) + "}";
        using var response = await SendRawAsync("/api/v1/auth/login", json, "application/json");

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "MALFORMED_REQUEST");
    }

    [Test]
    public async Task Login_WithNonJsonBody_Returns415()
    {
        using var response = await SendRawAsync("/api/v1/auth/login", "email=a@b.test", "application/x-www-form-urlencoded");

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Test]
    public async Task Refresh_RotatesThePairAndReuseRevokesTheWholeFamily()
    {
        var login = await ApiClient.LoginAsync(Email);
        var firstRefresh = login["refreshToken"]!.GetValue<string>();

        using var rotated = await ApiClient.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = firstRefresh });
        var second = await ApiClient.ReadJsonAsync(rotated);
        Assert.That(rotated.StatusCode, Is.EqualTo(HttpStatusCode.OK), second.ToJsonString());
        var secondToken = second["token"]!.GetValue<string>();
        var secondRefresh = second["refreshToken"]!.GetValue<string>();
        Assert.That(secondRefresh, Is.Not.EqualTo(firstRefresh));
        using (var me = await ApiClient.GetAsync("/api/v1/auth/me", secondToken))
        {
            Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        // The spent token presented again: reuse. The family is revoked, its access tokens with it.
        using var reuse = await ApiClient.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = firstRefresh });
        await ApiClient.AssertProblemAsync(reuse, HttpStatusCode.Unauthorized, "TOKEN_REUSED");
        using var afterReuse = await ApiClient.GetAsync("/api/v1/auth/me", secondToken);
        await ApiClient.AssertProblemAsync(afterReuse, HttpStatusCode.Unauthorized, "TOKEN_REVOKED");
        Assert.That(afterReuse.Headers.WwwAuthenticate.ToString(), Does.Contain("error_description=\"revoked\""));
        using var sibling = await ApiClient.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = secondRefresh });
        await ApiClient.AssertProblemAsync(sibling, HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");
    }

    [Test]
    public async Task Refresh_WithUnknownToken_Returns401()
    {
        using var response = await ApiClient.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = new string('A', 43) });

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");
    }

    [Test]
    public async Task Refresh_PastItsLifetime_Returns401RefreshTokenExpired()
    {
        var login = await ApiClient.LoginAsync(Email);
        var refresh = login["refreshToken"]!.GetValue<string>();
        await TestStore.ExecuteAsync(
            """
            UPDATE auth.refresh_tokens SET issued_at = now() - interval '20 days', expires_at = now() - interval '6 days'
            WHERE token_hash = sha256(convert_to(@refresh, 'UTF8'))
            """,
            new { refresh });

        using var response = await ApiClient.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "REFRESH_TOKEN_EXPIRED");
    }

    [Test]
    public async Task Refresh_WithTooShortToken_Returns400()
    {
        using var response = await ApiClient.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = "short" });

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.That(body["errors"]!["refreshToken"], Is.Not.Null);
    }

    [Test]
    public async Task Me_HonoursActiveRoleAndReportsLastLogin()
    {
        var token = await ApiClient.TokenAsync(MultiRoleEmail);

        using var response = await ApiClient.GetAsync("/api/v1/auth/me", token, "org_admin");
        var body = await ApiClient.ReadJsonAsync(response);

        var user = body["user"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(user["activeRole"]!.GetValue<string>(), Is.EqualTo("org-admin"));
            Assert.That(user["role"]!.GetValue<string>(), Is.EqualTo("org-admin"));
            Assert.That(user["lastLoginAt"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(body["authMode"]!.GetValue<string>(), Is.EqualTo("standalone"));
            Assert.That(response.Headers.GetValues("X-Active-Role").Single(), Is.EqualTo("org-admin"));
        });
    }

    [Test]
    public async Task Me_WithRoleTheTokenLacks_Returns403ActiveRoleNotGranted()
    {
        var token = await ApiClient.TokenAsync(Email);

        using var response = await ApiClient.GetAsync("/api/v1/auth/me", token, "platform-admin");

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACTIVE_ROLE_NOT_GRANTED");
        Assert.That(body["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "learner" }));
    }

    [Test]
    public async Task Me_WithUnknownRoleName_Returns400InvalidActiveRole()
    {
        var token = await ApiClient.TokenAsync(Email);

        using var response = await ApiClient.GetAsync("/api/v1/auth/me", token, "superuser");

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "INVALID_ACTIVE_ROLE");
    }

    [Test]
    public async Task Logout_RevokesTheAccessTokenAndTheRefreshFamily()
    {
        var login = await ApiClient.LoginAsync(Email);
        var token = login["token"]!.GetValue<string>();
        var refresh = login["refreshToken"]!.GetValue<string>();

        using var logout = await ApiClient.PostJsonAsync("/api/v1/auth/logout", null, token);
        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        using var me = await ApiClient.GetAsync("/api/v1/auth/me", token);
        await ApiClient.AssertProblemAsync(me, HttpStatusCode.Unauthorized, "TOKEN_REVOKED");
        using var refreshed = await ApiClient.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });
        await ApiClient.AssertProblemAsync(refreshed, HttpStatusCode.Unauthorized, "INVALID_REFRESH_TOKEN");
    }

    // A blank body is no body (API.md §2.2), whether it is empty or only whitespace with a Content-Length; a non-JSON body with
    // content stays 415 (RequestBodyLimitTests).
    [TestCase("")]
    [TestCase(" \r\n")]
    public async Task Logout_WithBlankTextBody_IsAccepted(string body)
    {
        var token = await ApiClient.TokenAsync(Email);
        using var client = TestHost.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/auth/logout", UriKind.Relative))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new("Bearer", token);

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Protected_WithoutToken_Returns401MissingToken()
    {
        using var response = await ApiClient.GetAsync("/api/v1/auth/me", null);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "MISSING_TOKEN");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer realm=\"learning-analytics\""));
    }

    [Test]
    public async Task Protected_WithExpiredToken_Returns401TokenExpired()
    {
        var token = TestTokens.Mint("auth-learner", ["learner"], Org, DateTimeOffset.UtcNow.AddHours(-2));

        using var response = await ApiClient.GetAsync("/api/v1/auth/me", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "TOKEN_EXPIRED");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("error_description=\"expired\""));
    }

    [Test]
    public async Task Protected_WithTamperedToken_Returns401InvalidToken()
    {
        var token = TestTokens.Mint("auth-learner", ["learner"], Org);
        var parts = token.Split('.');
        var forgedPayload = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(
            Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]).Replace("\"learner\"]", "\"org-admin\"]", StringComparison.Ordinal));
        var tampered = $"{parts[0]}.{forgedPayload}.{parts[2]}";

        using var response = await ApiClient.GetAsync("/api/v1/auth/me", tampered);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Test]
    public async Task Protected_WithUnsignedToken_Returns401InvalidToken()
    {
        using var response = await ApiClient.GetAsync("/api/v1/auth/me", TestTokens.WithAlgorithmNone("auth-learner", ["learner"], Org));

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [TestCase("wrong-issuer", "learning-analytics-api", null)]
    [TestCase("learning-analytics", "wrong-audience", null)]
    [TestCase("learning-analytics", "learning-analytics-api", "b3RoZXIta2V5LXRoYXQtaXMtYWxzby0zMi1ieXRlcy1sb25nIQ==")]
    public async Task Protected_WithWrongIssuerAudienceOrKey_Returns401InvalidToken(string issuer, string audience, string? key)
    {
        var token = TestTokens.Mint("auth-learner", ["learner"], Org, issuer: issuer, audience: audience, key: key);

        using var response = await ApiClient.GetAsync("/api/v1/auth/me", token);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    private static async Task<HttpResponseMessage> SendRawAsync(string path, string body, string contentType)
    {
        using var client = TestHost.Client();
        using var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
