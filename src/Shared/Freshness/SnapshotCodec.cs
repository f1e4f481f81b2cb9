using System.Reflection;
using System.Text.Json;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// Turns a stored snapshot back into the response type of the message that asked for it. Only `AnalyticResult&lt;TPayload&gt;`
/// responses have snapshots; for any other type <see cref="Decode"/> is null.
/// </summary>
public static class SnapshotCodec<TResponse>
{
    public static readonly Func<StoredSnapshot, SnapshotKey, JsonSerializerOptions, TResponse>? Decode = Build();

    private static Func<StoredSnapshot, SnapshotKey, JsonSerializerOptions, TResponse>? Build()
    {
        var type = typeof(TResponse);
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(AnalyticResult<>))
        {
            return null;
        }

        var method = typeof(SnapshotCodec).GetMethod(nameof(SnapshotCodec.Decode), BindingFlags.Public | BindingFlags.Static)!
            .MakeGenericMethod(type.GetGenericArguments()[0]);
        return method.CreateDelegate<Func<StoredSnapshot, SnapshotKey, JsonSerializerOptions, TResponse>>();
    }
}

/// <summary>The non-generic half of <see cref="SnapshotCodec{TResponse}"/>.</summary>
public static class SnapshotCodec
{
    public static AnalyticResult<TPayload> Decode<TPayload>(StoredSnapshot stored, SnapshotKey key, JsonSerializerOptions options)
        where TPayload : AnalyticPayload
    {
        var payload = JsonSerializer.Deserialize<TPayload>(stored.Payload, options)
                      ?? throw new JsonException($"The stored {key.Analytic} snapshot of {key.SubjectType} {key.SubjectId} is empty.");
        return new AnalyticResult<TPayload>(
            key.Analytic,
            payload,
            new AnalyticSubject(key.SubjectType, key.SubjectId),
            stored.ComputedAt,
            stored.DataAsOf,
            stored.Source,
            ServedFrom.Snapshot)
        {
            Suppression = stored.Suppression is null ? null : JsonSerializer.Deserialize<SuppressionInfo>(stored.Suppression, options),
        };
    }
}
