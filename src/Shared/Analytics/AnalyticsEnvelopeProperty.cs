using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Shared.Analytics;

/// <summary>
/// The envelope of one analytic with its payload under a named property, `data = {"<property>": <payload>}`, for the app's
/// compatibility paths (API.md §4.2). Freshness, ETag and 304 are exactly those of <see cref="AnalyticsResponses.Envelope{TPayload}"/>.
/// </summary>
public static class AnalyticsEnvelopeProperty
{
    public static IResult EnvelopeUnder<TPayload>(
        this AnalyticsResponses responses, HttpContext context, AnalyticResult<TPayload> result, string property)
        where TPayload : AnalyticPayload
    {
        var answer = responses.Envelope(context, result);
        return answer is Ok<AnalyticsEnvelope> { Value: { } envelope }
            ? TypedResults.Ok(envelope with { Data = new Dictionary<string, object> { [property] = envelope.Data } })
            : answer;
    }
}
