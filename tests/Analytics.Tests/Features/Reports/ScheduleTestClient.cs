using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Features.Reports.Shared.Schedules;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Features.Reports;

/// <summary>Schedule calls against a host (the shared one unless given), and firing due schedules as the Quartz job does.</summary>
public static class ScheduleTestClient
{
    public static async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null,
        WebApplicationFactory<Program>? host = null)
    {
        using var client = (host ?? TestHost.Factory).CreateClient();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> CreateAsync(string token, object body, WebApplicationFactory<Program>? host = null)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/reports/schedules", token, body, host);
        var json = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), json.ToJsonString());
        return json;
    }

    public static async Task<JsonObject> GetAsync(string token, string id, WebApplicationFactory<Program>? host = null)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/reports/schedules/{id}", token, null, host);
        var json = await ApiClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        return json;
    }

    /// <summary>Makes the schedule due now and runs the job's work at <paramref name="now"/>.</summary>
    public static async Task FireAsync(string id, DateTimeOffset now, WebApplicationFactory<Program>? host = null, string? connectionString = null)
    {
        await using (var connection = new Npgsql.NpgsqlConnection(connectionString ?? TestHost.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "UPDATE reporting.report_schedules SET next_run_at = @due WHERE id = @id", connection);
            command.Parameters.AddWithValue("due", now.AddMinutes(-1));
            command.Parameters.AddWithValue("id", id);
            await command.ExecuteNonQueryAsync();
        }

        await (host ?? TestHost.Factory).Services.GetRequiredService<ScheduleRunner>().RunDueAsync(now, CancellationToken.None);
    }

    public static async Task<JsonObject> WaitForRunAsync(string token, string id, WebApplicationFactory<Program>? host = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var schedule = await GetAsync(token, id, host);
            if (schedule["lastRunStatus"] is not null)
            {
                return schedule;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"schedule {id} has no finished run: {schedule.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
