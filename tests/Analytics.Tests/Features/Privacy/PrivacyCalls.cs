using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Analytics.Tests.Features.Privacy;

/// <summary>Requests of the privacy tests against any host (the shared one or a test's own), with a token and an active role.</summary>
public static class PrivacyCalls
{
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, string? token, object? body = null, string? activeRole = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (activeRole is not null)
        {
            request.Headers.Add("X-Active-Role", activeRole);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> EraseAsync(HttpClient client, string userId, string? token, string? confirm, string? activeRole = null) =>
        SendAsync(client, HttpMethod.Delete,
            confirm is null ? $"/api/v1/privacy/users/{userId}" : $"/api/v1/privacy/users/{userId}?confirm={Uri.EscapeDataString(confirm)}",
            token, activeRole: activeRole);
}
