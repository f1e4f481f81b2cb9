using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Shared.Http;

/// <summary>
/// API.md §6.3 and §1.6 step 2 on every endpoint that takes a body, listed from the route table (every POST and PUT), so a new
/// one is covered: 413 PAYLOAD_TOO_LARGE with limitBytes above 64 KiB (by Content-Length and chunked), 415 for a non-JSON body,
/// both before authentication; 400 MALFORMED_REQUEST for JSON nested deeper than 32.
/// </summary>
public sealed class RequestBodyLimitTests
{
    /// <summary>Read when a test runs (the route table exists once the shared host has started), not at discovery.</summary>
    public static IEnumerable<(string Method, string Path)> BodyEndpoints()
    {
        var endpoints = TestHost.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods.Where(m => m is "POST" or "PUT" or "PATCH"))
            {
                var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part =>
                    part is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal ? literal.Content : "x1"))));
                yield return (method, path);
            }
        }
    }

    [Test]
    public void TheRouteTable_HasTheKnownBodyEndpoints() =>
        Assert.That(BodyEndpoints().Select(e => e.Path), Is.SupersetOf(new[]
        {
            "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/analytics/refresh", "/api/v1/reports/generate",
            "/api/v1/reports/schedules", "/api/v1/integration/sync", "/api/v1/admin/recalculations",
        }));

    [Test]
    public Task BodyAbove64KiB_Returns413BeforeAuthentication() => ForEachAsync(async (method, path) =>
    {
        using var client = TestHost.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = new StringContent("{\"a\":\"" + new string('x', 70_000) + "\"}", Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(request);

        var body = await ApiClient.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        Assert.That(body["limitBytes"]!.GetValue<long>(), Is.EqualTo(65536));
    });

    [Test]
    public async Task ChunkedBodyAbove64KiB_OnARealServer_Returns413_AndNoServerHeader()
    {
        // The in-memory test server turns chunked bodies into sized ones: a Kestrel host on loopback sends them as they are.
        await using var factory = new AnalyticsApiFactory(TestHost.ConnectionString, new Dictionary<string, string?> { ["Sources:Mode"] = "upstream" });
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();
        var failures = new List<string>();
        foreach (var (method, path) in BodyEndpoints())
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
            {
                Content = new ChunkedContent(Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 70_000) + "\"}")),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TransferEncodingChunked = true;
            using var xml = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
            {
                Content = new ChunkedContent("<xml/>"u8.ToArray()),
            };
            xml.Content.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
            xml.Headers.TransferEncodingChunked = true;

            using var response = await client.SendAsync(request);
            using var unsupported = await client.SendAsync(xml);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge || !body.Contains("\"limitBytes\":65536", StringComparison.Ordinal))
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} {body}");
            }

            if (unsupported.StatusCode != HttpStatusCode.UnsupportedMediaType)
            {
                failures.Add($"{method} {path} (text/xml): {(int)unsupported.StatusCode}");
            }

            if (response.Headers.Server.Count > 0)
            {
                failures.Add($"{method} {path}: Server header {response.Headers.Server}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public Task NonJsonBody_Returns415BeforeAuthentication() => ForEachAsync(async (method, path) =>
    {
        using var client = TestHost.Client();
        using var plain = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = new StringContent("email=a&password=b", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        using var response = await client.SendAsync(plain);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    });

    /// <summary>POST endpoints that read no body at all: JSON depth cannot matter to them (a new one fails the test until listed).</summary>
    private static readonly string[] Bodiless = ["/api/v1/integration/circuit-breaker/x1/reset"];

    [Test]
    public Task JsonDeeperThan32_Returns400Malformed() => ForEachAsync(async (method, path) =>
    {
        if (Bodiless.Contains(path))
        {
            return;
        }

        using var client = TestHost.Client();
        var deep = new string('[', 33) + new string(']', 33);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = new StringContent("{\"a\":" + deep + "}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Bearer", TestTokens.Mint("supertester-999", ["learner", "trainer", "org-admin", "platform-admin"], "org-123"));
        request.Headers.Add("X-Active-Role", path.Contains("/integration", StringComparison.Ordinal) || path.Contains("/admin", StringComparison.Ordinal)
            || path.Contains("/models/", StringComparison.Ordinal) ? "platform-admin" : "learner");

        using var response = await client.SendAsync(request);

        await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "MALFORMED_REQUEST");
    });

    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static async Task ForEachAsync(Func<string, string, Task> check)
    {
        var endpoints = BodyEndpoints().ToList();
        Assert.That(endpoints, Is.Not.Empty);
        var failures = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            try
            {
                using (new NUnit.Framework.Internal.TestExecutionContext.IsolatedContext())
                {
                    await check(method, path);
                }
            }
            catch (Exception exception) when (exception is AssertionException or MultipleAssertException)
            {
                failures.Add($"{method} {path}: {exception.Message}");
            }
        }

        Assert.That(failures, Is.Empty);
    }
}
