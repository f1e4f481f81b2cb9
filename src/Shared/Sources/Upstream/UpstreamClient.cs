using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// The one contract of SOURCES.md §3.2 that every typed client reads through: `GET {BaseUrl}/api/v1/…` with `updatedSince`,
/// `cursor`, `limit` and filters, answered by a page. The resilience pipeline of the named client (timeouts, retries, breakers)
/// sits in the HttpClient; this class turns what comes out of it into a page or an <see cref="UpstreamException"/>.
/// </summary>
public abstract class UpstreamClient(HttpClient http, UpstreamService service)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 32 };

    public UpstreamService Service => service;

    protected async Task<UpstreamPage<TItem>> GetPageAsync<TItem>(string path, PageRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(PathAndQuery(path, request), UriKind.Relative));
        HttpResponseMessage response;
        try
        {
            // The body is read inside the pipeline (a page is at most 1,000 items), so a connection broken mid-body is retried too.
            response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (BrokenCircuitException exception)
        {
            throw new UpstreamException(service, UpstreamFailure.BreakerOpen, $"{service.Name}: the circuit breaker is open", exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new UpstreamException(service, UpstreamFailure.Unavailable, $"{service.Name}: timed out", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new UpstreamException(service, UpstreamFailure.Unavailable, $"{service.Name}: {exception.HttpRequestError}", exception);
        }
        catch (Exception exception) when (exception is System.Net.Sockets.SocketException or IOException)
        {
            throw new UpstreamException(service, UpstreamFailure.Unavailable, $"{service.Name}: connection error ({exception.GetType().Name})", exception);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new UpstreamException(service, UpstreamFailure.AuthFailed, $"{service.Name}: {path} answered {status}");
            }

            if (!response.IsSuccessStatusCode)
            {
                var code = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                    ? UpstreamFailure.Unavailable
                    : UpstreamFailure.Rejected;
                throw new UpstreamException(service, code, $"{service.Name}: {path} answered {status}");
            }

            UpstreamPageBody<TItem>? body;
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                body = await JsonSerializer.DeserializeAsync<UpstreamPageBody<TItem>>(stream, Json, cancellationToken);
            }
            catch (JsonException exception)
            {
                throw new UpstreamException(service, UpstreamFailure.Contract, $"{service.Name}: {path} sent malformed JSON", exception);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                throw new UpstreamException(service, UpstreamFailure.Unavailable, $"{service.Name}: {path} broke off", exception);
            }

            if (body?.Items is null || body.AsOf is null || body.Items.Any(item => item is null))
            {
                throw new UpstreamException(service, UpstreamFailure.Contract, $"{service.Name}: {path} sent no page (items and asOf)");
            }

            return new UpstreamPage<TItem>(body.Items, string.IsNullOrEmpty(body.NextCursor) ? null : body.NextCursor, body.AsOf.Value);
        }
    }

    private static string PathAndQuery(string path, PageRequest request)
    {
        var query = new StringBuilder("api/v1/").Append(path).Append("?limit=").Append(request.Limit.ToString(CultureInfo.InvariantCulture));
        if (request.UpdatedSince is { } since)
        {
            query.Append("&updatedSince=").Append(Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        }

        if (request.Cursor is { } cursor)
        {
            query.Append("&cursor=").Append(Uri.EscapeDataString(cursor));
        }

        foreach (var (name, value) in request.Filters)
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return query.ToString();
    }

    /// <summary>`/organizations/{orgId}/…` with the id escaped.</summary>
    protected static string Organisation(string organisationId, string collection) =>
        $"organizations/{Uri.EscapeDataString(organisationId)}/{collection}";
}
