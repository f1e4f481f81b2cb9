using System.Diagnostics;
using Analytics.Api.Shared.Observability;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// The innermost handler of a service's client, run once per attempt: it adds the headers of SOURCES.md §3.2 (the bearer token,
/// Accept, X-Request-Id and User-Agent; `traceparent` comes from HttpClient's own propagation) and records each attempt's
/// outcome and latency for the integration health. The token is never logged.
/// </summary>
public sealed class UpstreamCallHandler(UpstreamCircuit circuit, UpstreamOptions options) : DelegatingHandler
{
    private static readonly string UserAgent = $"learning-analytics/{ServiceInfo.Version}";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.Token))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.Token);
        }

        // A retry sends the same message again: each header once.
        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        if (!request.Headers.Contains("X-Request-Id"))
        {
            request.Headers.UserAgent.Clear();
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            request.Headers.TryAddWithoutValidation("X-Request-Id", Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N"));
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (status >= 500 || status is 408 or 429 or 401 or 403)
            {
                circuit.Failed(Stopwatch.GetElapsedTime(started), status is 401 or 403 ? UpstreamFailure.AuthFailed : UpstreamFailure.Unavailable,
                    $"{request.RequestUri?.AbsolutePath} answered {status}");
            }
            else
            {
                circuit.Succeeded(Stopwatch.GetElapsedTime(started));
            }

            return response;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or System.Net.Sockets.SocketException or IOException)
        {
            circuit.Failed(Stopwatch.GetElapsedTime(started), UpstreamFailure.Unavailable,
                exception switch
                {
                    HttpRequestException http => $"{request.RequestUri?.AbsolutePath}: {http.HttpRequestError}",
                    OperationCanceledException => $"{request.RequestUri?.AbsolutePath}: timed out",
                    _ => $"{request.RequestUri?.AbsolutePath}: connection error",
                });
            throw;
        }
    }
}
