using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Reports;

/// <summary>Generates a report, waits for a status and downloads it, as the app would.</summary>
public static class ReportTestClient
{
    public static async Task<JsonObject> GenerateAsync(string token, object body)
    {
        using var response = await ApiClient.PostJsonAsync("/api/v1/reports/generate", body, token);
        var json = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), json.ToJsonString());
        return json;
    }

    public static async Task<JsonObject> WaitForAsync(string token, string id, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await ApiClient.GetAsync($"/api/v1/reports/{id}", token);
            var body = await ApiClient.ReadJsonAsync(response);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            var current = body["report"]!["status"]!.GetValue<string>();
            if (current == status)
            {
                return body;
            }

            Assert.That(current, Is.Not.EqualTo("failed"), body.ToJsonString());
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"report {id} stayed {current}, expected {status}");
            await Task.Delay(100);
        }
    }

    public static async Task<string> CompletedAsync(string token, object body)
    {
        var report = await GenerateAsync(token, body);
        var id = report["id"]!.GetValue<string>();
        await WaitForAsync(token, id, "completed");
        return id;
    }

    public static Task<HttpResponseMessage> DownloadAsync(string token, string id) => ApiClient.GetAsync($"/api/v1/reports/{id}/download", token);

    public static async Task<HttpResponseMessage> DeleteAsync(string token, string id)
    {
        using var client = TestHost.Client();
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/v1/reports/{id}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>A figure as the read endpoint returns it for learner-123 (its JSON text, as reports write it).</summary>
    public static async Task<string> ReadFigureAsync(string token, string path, string field)
    {
        using var response = await ApiClient.GetAsync(path, token);
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        var value = body["data"]![field];
        Assert.That(value, Is.Not.Null, $"{path} has no {field}");
        return value!.ToJsonString();
    }
}
