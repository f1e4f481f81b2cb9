using System.Text.Json;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Freshness;

namespace Analytics.Api.Features.Predictive.Recommendations;

/// <summary>
/// Inputs from other analytics for one subject (ANALYTICS.md §0.7): the stored result younger than 7 days, as read with the
/// subject's facts; when there is none (or it no longer reads), the analytic is computed through its own stored-analytic
/// definition, stored as its snapshot, and used. Recommendations are built on read from these (§0.7 #19).
/// </summary>
public sealed class AnalyticInputs(SnapshotAnalytics analytics, SnapshotStore store, IServiceProvider services)
{
    public async Task<TPayload?> ResolveAsync<TPayload>(
        string subjectType, string subjectId, string analytic, IReadOnlyDictionary<string, string> stored, CancellationToken cancellationToken)
        where TPayload : AnalyticPayload
    {
        if (stored.TryGetValue(analytic, out var json))
        {
            try
            {
                if (JsonSerializer.Deserialize<TPayload>(json, store.SerializerOptions) is { } payload)
                {
                    return payload;
                }
            }
            catch (JsonException)
            {
                // A payload of an older shape: computed again below.
            }
        }

        var definition = analytics.Find(subjectType, analytic);
        if (definition is null)
        {
            return null;
        }

        var computed = (await definition.ComputeAsync(services, [subjectId], cancellationToken))[0];
        if (computed.Result is not { } result)
        {
            throw new InvalidOperationException($"Computing {analytic} of {subjectType} {subjectId} failed.", computed.Error);
        }

        await store.WriteAsync(
            [new SnapshotWrite(new SnapshotKey(subjectType, subjectId, definition.Role, analytic), result, computed.ComputeMs, null)],
            cancellationToken);
        return result.PayloadBase as TPayload;
    }
}
