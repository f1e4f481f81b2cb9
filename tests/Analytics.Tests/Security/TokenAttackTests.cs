using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Analytics.Tests.Security;

/// <summary>
/// Issue #9 point 3, tokens: forged, unsigned, re-signed, out-of-date, oversized and mis-scoped tokens never reach an analytics
/// read (API.md §1.5, §2.3, §2.4, §3.1). Complements Features/Auth/AuthFlowTests (expired, tampered, `alg: none`, wrong issuer,
/// audience or key on /auth/me), which it does not repeat.
/// </summary>
public sealed class TokenAttackTests
{
    private const string Path = "/api/v1/learner/analytics/velocity/learner-123";

    [Test]
    public async Task Read_WithTokenNotYetValid_Returns401InvalidToken()
    {
        var token = TestTokens.Mint(AccessWorld.Learner, ["learner"], AccessWorld.OwnOrganisation, DateTimeOffset.UtcNow.AddMinutes(10));

        using var response = await SendAsync(HttpMethod.Get, Path, "Bearer " + token);

        await AssertUnauthorisedAsync(response, "INVALID_TOKEN");
    }

    [Test]
    public async Task OperatorEndpoint_WithPlatformAdminClaimSignedWithAnotherKey_Returns401InvalidToken()
    {
        var forged = TestTokens.Mint(AccessWorld.Learner, ["platform-admin"], AccessWorld.OwnOrganisation, key: Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        using var response = await SendAsync(HttpMethod.Get, "/api/v1/integration/health", "Bearer " + forged);

        await AssertUnauthorisedAsync(response, "INVALID_TOKEN");
    }

    [Test]
    public async Task OrganisationRead_WithLearnerTokenAndActiveRoleOrgAdmin_Returns403ActiveRoleNotGranted()
    {
        var token = TestTokens.Mint(AccessWorld.Learner, ["learner"], AccessWorld.OwnOrganisation);

        using var response = await SendAsync(HttpMethod.Get, "/api/v1/org-admin/analytics/overview/org-123", "Bearer " + token, "org-admin");

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "ACTIVE_ROLE_NOT_GRANTED");
        Assert.Multiple(() =>
        {
            Assert.That(body["activeRole"]!.GetValue<string>(), Is.EqualTo("org-admin"));
            Assert.That(body["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "learner" }));
        });
    }

    [TestCase("platform-admin")]
    [TestCase("trainer")]
    public async Task Read_WithPayloadRolesRewrittenAndTheOriginalSignature_Returns401InvalidToken(string role)
    {
        var token = TestTokens.Mint(AccessWorld.Learner, ["learner"], AccessWorld.OwnOrganisation);
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["roles"] = new JsonArray(role);
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";

        using var response = await SendAsync(HttpMethod.Get, Path, "Bearer " + forged, role);

        await AssertUnauthorisedAsync(response, "INVALID_TOKEN");
    }

    /// <summary>`alg: none` in other spellings, with and without the original signature left in place (§2.3).</summary>
    [TestCase("none", false)]
    [TestCase("None", false)]
    [TestCase("NONE", false)]
    [TestCase("none", true)]
    [TestCase("", false)]
    public async Task Read_WithUnsignedAlgorithm_Returns401InvalidToken(string algorithm, bool keepSignature)
    {
        var token = TestTokens.Mint(AccessWorld.Learner, ["learner"], AccessWorld.OwnOrganisation);
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = algorithm, typ = "JWT" }));
        var unsigned = $"{header}.{parts[1]}.{(keepSignature ? parts[2] : string.Empty)}";

        using var response = await SendAsync(HttpMethod.Get, Path, "Bearer " + unsigned);

        await AssertUnauthorisedAsync(response, "INVALID_TOKEN");
    }

    /// <summary>Only the configured HS256 is accepted, even with the right key (§2.3: other algorithms are rejected).</summary>
    [TestCase("HS384")]
    [TestCase("HS512")]
    public async Task Read_WithTheRightKeyButAnotherHmacAlgorithm_Returns401InvalidToken(string algorithm)
    {
        var token = Craft(new { alg = algorithm, typ = "JWT" }, Claims(), Convert.FromBase64String(AnalyticsApiFactory.SigningKey), algorithm);

        using var response = await SendAsync(HttpMethod.Get, Path, "Bearer " + token);

        await AssertUnauthorisedAsync(response, "INVALID_TOKEN");
    }

    [Test]
    public async Task Read_WithRs256TokenOfAnAttackersKey_Returns401InvalidToken()
    {
        using var rsa = RSA.Create(2048);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "learning-analytics",
            Audience = "learning-analytics-api",
            Expires = DateTime.UtcNow.AddMinutes(30),
            Claims = new Dictionary<string, object> { ["sub"] = AccessWorld.Learner, ["roles"] = new[] { "learner" }, ["org_id"] = AccessWorld.OwnOrganisation },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256),
        });

        using var response = await SendAsync(HttpMethod.Get, Path, "Bearer " + token);

        await AssertUnauthorisedAsync(response, "INVALID_TOKEN");
    }

    /// <summary>
    /// The algorithm-confusion attack needs a public key the server trusts, so it is tried in external mode with an RSA key
    /// set: a token "signed" with HS256 using that public key as the HMAC secret is refused; the provider's RS256 token works.
    /// </summary>
    [Test]
    public async Task ExternalMode_Hs256TokenKeyedWithTheProvidersPublicKey_Returns401InvalidToken()
    {
        using var rsa = RSA.Create(2048);
        var publicKey = new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "idp-key" };
        var jwks = JsonSerializer.Serialize(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey) } });
        await using var external = SecurityHost.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Auth:Mode", "external");
            builder.UseSetting("Auth:External:Issuer", "https://idp.example.test");
            builder.UseSetting("Auth:External:Audience", "analytics");
            builder.UseSetting("Auth:External:SigningKeys:0", jwks);
        });
        using var client = external.CreateClient();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = "https://idp.example.test",
            ["aud"] = "analytics",
            ["sub"] = "idp-attacker",
            ["roles"] = new[] { "platform-admin" },
            ["org_id"] = "org-123",
            ["exp"] = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds(),
        };
        var genuine = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://idp.example.test",
            Audience = "analytics",
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = "idp-user", ["roles"] = new[] { "learner" }, ["org_id"] = "org-123" },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "idp-key" }, SecurityAlgorithms.RsaSha256),
        });
        var confusedWithPem = Craft(new { alg = "HS256", typ = "JWT", kid = "idp-key" }, claims, Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()), "HS256");
        var confusedWithModulus = Craft(new { alg = "HS256", typ = "JWT", kid = "idp-key" }, claims, rsa.ExportParameters(false).Modulus!, "HS256");

        using var ok = await SendAsync(client, HttpMethod.Get, "/api/v1/auth/me", "Bearer " + genuine);
        using var withPem = await SendAsync(client, HttpMethod.Get, "/api/v1/integration/health", "Bearer " + confusedWithPem);
        using var withModulus = await SendAsync(client, HttpMethod.Get, "/api/v1/integration/health", "Bearer " + confusedWithModulus);

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ok.Content.ReadAsStringAsync());
        await AssertUnauthorisedAsync(withPem, "INVALID_TOKEN");
        await AssertUnauthorisedAsync(withModulus, "INVALID_TOKEN");
    }

    [TestCase(4_000)]
    [TestCase(60_000)]
    public async Task Read_WithAnOversizedToken_Returns401InvalidToken(int length)
    {
        var valid = TestTokens.Mint(AccessWorld.Learner, ["learner"], AccessWorld.OwnOrganisation);
        var oversized = valid + new string('A', length);

        using var response = await SendAsync(HttpMethod.Get, Path, "Bearer " + oversized);

        await AssertUnauthorisedAsync(response, "INVALID_TOKEN");
    }

    /// <summary>A token padded with an oversized claim is still a correctly signed token; it must not break the server either.</summary>
    [Test]
    public async Task Read_WithAHugeSignedClaim_AnswersWithoutAServerError()
    {
        var claims = Claims();
        claims["padding"] = new string('x', 100_000);
        var token = Craft(new { alg = "HS256", typ = "JWT" }, claims, Convert.FromBase64String(AnalyticsApiFactory.SigningKey), "HS256");

        using var response = await SendAsync(HttpMethod.Get, Path, "Bearer " + token);

        Assert.That((int)response.StatusCode, Is.LessThan(500), await response.Content.ReadAsStringAsync());
    }

    /// <summary>§1.5: no header, an empty value or another scheme is MISSING_TOKEN; a Bearer value that is not a token is INVALID_TOKEN.</summary>
    [TestCase("Basic bGVhcm5lckB0ZXN0LmNvbTpwYXNzd29yZDEyMw==", "MISSING_TOKEN")]
    [TestCase("Digest username=\"learner\"", "MISSING_TOKEN")]
    [TestCase("Token {token}", "MISSING_TOKEN")]
    [TestCase("{token}", "MISSING_TOKEN")]
    [TestCase("Bearer", "MISSING_TOKEN")]
    [TestCase("Bearer ", "MISSING_TOKEN")]
    [TestCase("Bearer not-a-token", "INVALID_TOKEN")]
    [TestCase("Bearer a.b.c", "INVALID_TOKEN")]
    [TestCase("Bearer ' OR '1'='1", "INVALID_TOKEN")]
    [TestCase("Bearer {token} {token}", "INVALID_TOKEN")]
    [TestCase("Bearer {token}.extra", "INVALID_TOKEN")]
    public async Task Read_WithAGarbageAuthorizationHeader_Returns401(string header, string code)
    {
        var token = TestTokens.Mint(AccessWorld.Learner, ["learner"], AccessWorld.OwnOrganisation);

        using var response = await SendAsync(HttpMethod.Get, Path, header.Replace("{token}", token, StringComparison.Ordinal));

        await AssertUnauthorisedAsync(response, code);
    }

    [Test]
    public async Task Read_WithAValidTokenOfRolesTheServiceDoesNotKnow_IsRefused()
    {
        var token = TestTokens.Mint(AccessWorld.Learner, ["root", "admin"], AccessWorld.OwnOrganisation);

        using var response = await SendAsync(HttpMethod.Get, Path, "Bearer " + token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), await response.Content.ReadAsStringAsync());
    }

    [TestCase("admin")]
    [TestCase("platform-admins")]
    [TestCase("learner,org-admin")]
    [TestCase("' OR '1'='1")]
    public async Task Read_WithAnActiveRoleThatIsNoRole_Returns400InvalidActiveRole(string role)
    {
        var token = TestTokens.Mint(AccessWorld.Learner, ["learner"], AccessWorld.OwnOrganisation);

        using var response = await SendAsync(HttpMethod.Get, Path, "Bearer " + token, role);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "INVALID_ACTIVE_ROLE");
    }

    /// <summary>
    /// §2.4: presenting a rotated refresh token again revokes the whole family, and every access token issued from it (the one of
    /// the login and those of each rotation) answers TOKEN_REVOKED at once; the newest refresh token dies too.
    /// </summary>
    [Test]
    public async Task Refresh_ReuseAfterTwoRotations_RevokesEveryAccessTokenOfTheFamily()
    {
        var login = await PostAsync("/api/v1/auth/login", new { email = "trainer@test.com", password = ApiClient.Password });
        var second = await PostAsync("/api/v1/auth/refresh", new { refreshToken = login["refreshToken"]!.GetValue<string>() });
        var third = await PostAsync("/api/v1/auth/refresh", new { refreshToken = second["refreshToken"]!.GetValue<string>() });
        var accessTokens = new[] { login, second, third }.Select(b => b["token"]!.GetValue<string>()).ToArray();
        foreach (var token in accessTokens)
        {
            using var before = await SendAsync(HttpMethod.Get, "/api/v1/auth/me", "Bearer " + token);
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var reuse = await SendAsync(HttpMethod.Post, "/api/v1/auth/refresh", null, body: new { refreshToken = second["refreshToken"]!.GetValue<string>() });
        await AssertUnauthorisedAsync(reuse, "TOKEN_REUSED");

        foreach (var token in accessTokens)
        {
            using var after = await SendAsync(HttpMethod.Get, "/api/v1/trainer/analytics/overview/trainer-456", "Bearer " + token);
            await AssertUnauthorisedAsync(after, "TOKEN_REVOKED");
        }

        using var newest = await SendAsync(HttpMethod.Post, "/api/v1/auth/refresh", null, body: new { refreshToken = third["refreshToken"]!.GetValue<string>() });
        await AssertUnauthorisedAsync(newest, "INVALID_REFRESH_TOKEN");
    }

    /// <summary>§2.2: logout ends the family; its rotated refresh token is refused and the access token used for logout is revoked.</summary>
    [Test]
    public async Task Logout_AfterARotation_RefusesTheFamilysRefreshTokenAndTheLogoutToken()
    {
        var login = await PostAsync("/api/v1/auth/login", new { email = "admin@test.com", password = ApiClient.Password });
        var rotated = await PostAsync("/api/v1/auth/refresh", new { refreshToken = login["refreshToken"]!.GetValue<string>() });
        var token = rotated["token"]!.GetValue<string>();

        using var logout = await SendAsync(HttpMethod.Post, "/api/v1/auth/logout", "Bearer " + token);
        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        using var read = await SendAsync(HttpMethod.Get, "/api/v1/org-admin/analytics/overview/org-123", "Bearer " + token);
        await AssertUnauthorisedAsync(read, "TOKEN_REVOKED");
        using var refresh = await SendAsync(HttpMethod.Post, "/api/v1/auth/refresh", null, body: new { refreshToken = rotated["refreshToken"]!.GetValue<string>() });
        await AssertUnauthorisedAsync(refresh, "INVALID_REFRESH_TOKEN");
        using var spent = await SendAsync(HttpMethod.Post, "/api/v1/auth/refresh", null, body: new { refreshToken = login["refreshToken"]!.GetValue<string>() });
        Assert.That(spent.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static Dictionary<string, object> Claims()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["iss"] = "learning-analytics",
            ["aud"] = "learning-analytics-api",
            ["sub"] = AccessWorld.Learner,
            ["roles"] = new[] { "learner" },
            ["org_id"] = AccessWorld.OwnOrganisation,
            ["sid"] = Guid.NewGuid().ToString(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
        };
    }

    /// <summary>A JWT with any header and claims, HMAC-signed with any key and algorithm (what an attacker can build).</summary>
    private static string Craft(object header, IReadOnlyDictionary<string, object> claims, byte[] key, string algorithm)
    {
        var signingInput = Base64UrlEncoder.Encode(JsonSerializer.Serialize(header)) + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims));
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signature = algorithm switch
        {
            "HS384" => HMACSHA384.HashData(key, data),
            "HS512" => HMACSHA512.HashData(key, data),
            _ => HMACSHA256.HashData(key, data),
        };
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    private static async Task<JsonObject> PostAsync(string path, object body)
    {
        using var response = await SendAsync(HttpMethod.Post, path, null, body: body);
        var json = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        return json;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? authorization, string? activeRole = null, object? body = null)
    {
        using var client = SecurityHost.Factory.CreateClient();
        return await SendAsync(client, method, path, authorization, activeRole, body);
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, string? authorization, string? activeRole = null, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (activeRole is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Active-Role", activeRole);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    private static async Task AssertUnauthorisedAsync(HttpResponseMessage response, string code)
    {
        await ApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, code);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer realm=\"learning-analytics\""));
    }
}
