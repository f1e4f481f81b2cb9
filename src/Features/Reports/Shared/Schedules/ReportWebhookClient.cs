using System.Net.Http.Headers;

namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>
/// Posts a schedule's webhook (typed client behind a resilience pipeline: total timeout, 3 retries with exponential backoff,
/// a timeout on every attempt; <see cref="SchedulesSetup"/>). The body is signed as sent: `X-Signature-256: sha256=&lt;hex&gt;`.
/// </summary>
public sealed class ReportWebhookClient(HttpClient http)
{
    public const string SignatureHeader = "X-Signature-256";

    public async Task PostAsync(Uri url, string secret, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, WebhookSecrets.Signature(secret, body));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
