using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Analytics.Tests.Infrastructure;

/// <summary>Small helpers for calling the API as a person would: log in, send a token and an active role, read JSON.</summary>
public static class ApiClient
{
    public const string Password = "password123";

    public static async Task<JsonObject> LoginAsync(string email, string password = Password)
    {
        using var client = TestHost.Client();
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email, password });
        var body = await ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return body;
    }

    public static async Task<string> TokenAsync(string email) => (await LoginAsync(email))["token"]!.GetValue<string>();

    public static async Task<HttpResponseMessage> GetAsync(string path, string? token, string? activeRole = null, string? ifNoneMatch = null)
    {
        using var client = TestHost.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (activeRole is not null)
        {
            request.Headers.Add("X-Active-Role", activeRole);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(string path, object? body, string? token = null)
    {
        using var client = TestHost.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) as JsonObject ?? throw new JsonException($"Not a JSON object: {text}");
    }

    /// <summary>Asserts a problem+json answer with the status and code of API.md §1.5 and its `error`/`message` mirrors.</summary>
    public static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body.ToJsonString());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body["code"]?.GetValue<string>(), Is.EqualTo(code));
            Assert.That(body["error"]?.GetValue<string>(), Is.EqualTo(code));
            Assert.That(body["status"]?.GetValue<int>(), Is.EqualTo((int)status));
            Assert.That(body["message"]?.GetValue<string>(), Is.EqualTo(body["detail"]?.GetValue<string>()));
            Assert.That(body["type"]?.GetValue<string>(), Is.EqualTo("/problems/" + code.ToLowerInvariant().Replace('_', '-')));
            Assert.That(body["traceId"]?.GetValue<string>(), Is.Not.Empty);
        });
        return body;
    }
}
