using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Shared.Analytics;

/// <summary>
/// Turns an analytic result into the HTTP answer: the envelope with read-time freshness, a weak ETag and 304 on a
/// matching If-None-Match, and the caching headers of API.md §6.4.
/// </summary>
public sealed class AnalyticsResponses(Staleness staleness, TimeProvider timeProvider, CurrentUserAccessor currentUser, ActiveRefreshes refreshes)
{
    public IResult Envelope<TPayload>(HttpContext context, AnalyticResult<TPayload> result)
        where TPayload : AnalyticPayload
    {
        var activeRole = currentUser.Required.ActiveRole;
        var now = timeProvider.GetUtcNow();
        var computedAt = Truncate(result.ComputedAt);
        var isStale = staleness.IsStale(computedAt, now);
        var stalenessLabel = isStale ? "stale" : "fresh";

        // API.md §6.4: over the snapshot identity (subject and analytic), computedAt, staleness, active role and query.
        var etag = WeakEtag($"{result.Subject.Type}:{result.Subject.Id}:{result.Analytic}", computedAt, stalenessLabel, activeRole, context.Request.QueryString.Value);
        SetCachingHeaders(context, etag);
        if (Matches(context, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var degraded = result.DegradedUpstreams.Count > 0;
        var payload = result.Payload with { LastUpdated = computedAt, IsStale = isStale, Staleness = stalenessLabel, Degraded = degraded };
        var refresh = Refresh(result.Subject);
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
                degraded,
                result.DegradedUpstreams,
                result.Payload.DefinitionVersion,
                activeRole,
                result.Subject,
                Refreshing: refresh is not null,
                RefreshJobId: refresh?.JobId,
                result.Suppression,
                Unavailable: null));
        return TypedResults.Ok(envelope);
    }

    /// <summary>
    /// An overview (API.md §1.2): one section per analytic, each with its own freshness; the envelope reports the oldest
    /// computedAt, stale if any section is, cached only if every section was, and the furthest layer any section came from.
    /// </summary>
    public IResult Overview(
        HttpContext context, AnalyticSubject subject, string idField, IReadOnlyList<(string Section, IAnalyticResult Result)> sections)
    {
        var activeRole = currentUser.Required.ActiveRole;
        var now = timeProvider.GetUtcNow();
        var computedAt = sections.Min(s => Truncate(s.Result.ComputedAt));
        var isStale = sections.Any(s => staleness.IsStale(Truncate(s.Result.ComputedAt), now));
        var stalenessLabel = isStale ? "stale" : "fresh";
        var material = string.Join('|', sections.Select(s => $"{s.Result.Analytic}:{Truncate(s.Result.ComputedAt).ToUnixTimeSeconds()}"));
        var etag = WeakEtag($"overview:{subject.Type}:{subject.Id}:{material}", computedAt, stalenessLabel, activeRole, context.Request.QueryString.Value);
        SetCachingHeaders(context, etag);
        if (Matches(context, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var data = new Dictionary<string, object?> { [idField] = subject.Id, ["status"] = WorstStatus(sections), ["lastUpdated"] = computedAt };
        foreach (var (section, result) in sections)
        {
            var sectionComputedAt = Truncate(result.ComputedAt);
            var sectionStale = staleness.IsStale(sectionComputedAt, now);
            data[section] = result.PayloadBase with
            {
                LastUpdated = sectionComputedAt,
                IsStale = sectionStale,
                Staleness = sectionStale ? "stale" : "fresh",
                Degraded = result.DegradedUpstreams.Count > 0,
            };
        }

        var servedFrom = sections.Select(s => s.Result.ServedFrom).Min();
        var refresh = Refresh(subject);
        var sources = sections.Select(s => s.Result.Source).Distinct().ToArray();
        var degradedUpstreams = sections.SelectMany(s => s.Result.DegradedUpstreams).Distinct().Order(StringComparer.Ordinal).ToArray();
        var envelope = new AnalyticsEnvelope(
            data,
            sections.All(s => s.Result.ServedFrom != ServedFrom.Computed),
            computedAt,
            staleness.ExpiresAt(computedAt),
            isStale,
            stalenessLabel,
            new EnvelopeMeta(
                computedAt,
                servedFrom.ToString().ToLowerInvariant(),
                sections.Select(s => s.Result.DataAsOf).Min(),
                sources.Length == 1 ? sources[0] : "mixed",
                degradedUpstreams.Length > 0,
                degradedUpstreams,
                DefinitionVersion: null,
                activeRole,
                subject,
                Refreshing: refresh is not null,
                RefreshJobId: refresh?.JobId,
                sections.Select(s => s.Result.Suppression).FirstOrDefault(s => s is not null),
                Unavailable: null));
        return TypedResults.Ok(envelope);
    }

    /// <summary>The subject's queued or running recalculation (`meta.refreshing`, `meta.refreshJobId`), from memory.</summary>
    private ActiveRefresh? Refresh(AnalyticSubject subject) =>
        refreshes.Find(new RefreshSubject(subject.Type, subject.Id, RoleFamilies.FamilyOf(subject.Type)));

    private static string WorstStatus(IReadOnlyList<(string Section, IAnalyticResult Result)> sections)
    {
        var statuses = sections.Select(s => s.Result.PayloadBase.DataStatus).ToArray();
        return statuses.Contains(DataStatuses.NoData) ? DataStatuses.NoData
            : statuses.Contains(DataStatuses.Partial) ? DataStatuses.Partial
            : DataStatuses.Ok;
    }

    private static DateTimeOffset Truncate(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    private static void SetCachingHeaders(HttpContext context, string etag)
    {
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "private, no-cache";
        headers.Vary = "Authorization, X-Active-Role, Accept-Encoding";
    }

    private static bool Matches(HttpContext context, string etag) =>
        context.Request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*"));

    private static string WeakEtag(string analytic, DateTimeOffset computedAt, string staleness, string activeRole, string? query)
    {
        var material = string.Join('\n', analytic, computedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), staleness, activeRole, query ?? string.Empty);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material));
        return $"W/\"{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"";
    }
}
