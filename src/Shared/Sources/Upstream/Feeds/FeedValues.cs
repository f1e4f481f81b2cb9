using System.Globalization;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>How the feeds normalise contract values before they become rows and keys.</summary>
public static class FeedValues
{
    /// <summary>A text field as stored: trimmed, empty as null.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// An instant at the store's precision (PostgreSQL keeps microseconds), in UTC, so a key built from it equals the key the
    /// reconcile statement builds from the stored value.
    /// </summary>
    public static DateTimeOffset Microseconds(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>An instant in a key: `yyyy-MM-ddTHH:mm:ss.ffffffZ`, the form of `to_char(… AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.</summary>
    public static string Key(DateTimeOffset value) =>
        Microseconds(value).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A day in a key: `yyyy-MM-dd`, the form of `to_char(…, 'YYYY-MM-DD')`.</summary>
    public static string Key(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
