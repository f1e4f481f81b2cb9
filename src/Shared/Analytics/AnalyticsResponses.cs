using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Analytics.Api.Shared.Auth;

namespace Analytics.Api.Shared.Analytics;

/// <summary>
/// Turns an analytic result into the HTTP answer: the envelope with read-time freshness, a weak ETag and 304 on a
/// matching If-None-Match, and the caching headers of API.md §6.4.
/// </summary>
public sealed class AnalyticsResponses(Staleness staleness, TimeProvider timeProvider, CurrentUserAccessor currentUser)
{
    public IResult Envelope<TPayload>(HttpContext context, AnalyticResult<TPayload> result)
        where TPayload : AnalyticPayload
    {
        var activeRole = currentUser.Required.ActiveRole;
        var now = timeProvider.GetUtcNow();
        var computedAt = DateTimeOffset.FromUnixTimeSeconds(result.ComputedAt.ToUnixTimeSeconds());
        var isStale = staleness.IsStale(computedAt, now);
        var stalenessLabel = isStale ? "stale" : "fresh";

        // Before snapshots exist the ETag hashes (analytic, computedAt, staleness, active role, query) (API.md §1.2, §6.4).
        var etag = WeakEtag(result.Analytic, computedAt, stalenessLabel, activeRole, context.Request.QueryString.Value);
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "private, no-cache";
        headers.Vary = "Authorization, X-Active-Role, Accept-Encoding";
        if (context.Request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*")))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var payload = result.Payload with { LastUpdated = computedAt, IsStale = isStale, Staleness = stalenessLabel };
        var envelope = new AnalyticsEnvelope(
            payload,
            result.ServedFrom != ServedFrom.Computed,
            computedAt,
            staleness.ExpiresAt(computedAt),
            isStale,
            stalenessLabel,
            new EnvelopeMeta(
                computedAt,
                result.ServedFrom.ToString().ToLowerInvariant(),
                result.DataAsOf,
                result.Source,
                Degraded: false,
                DegradedUpstreams: [],
                result.Payload.DefinitionVersion,
                activeRole,
                result.Subject,
                Refreshing: false,
                RefreshJobId: null,
                Suppression: null,
                Unavailable: null));
        return TypedResults.Ok(envelope);
    }

    private static string WeakEtag(string analytic, DateTimeOffset computedAt, string staleness, string activeRole, string? query)
    {
        var material = string.Join('\n', analytic, computedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), staleness, activeRole, query ?? string.Empty);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material));
        return $"W/\"{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"";
    }
}
