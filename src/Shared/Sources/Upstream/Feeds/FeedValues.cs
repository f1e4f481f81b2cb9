using System.Globalization;

namespace Analytics.Api.Shared.Sources.Upstream.Feeds;

/// <summary>
/// Value rules the feeds share: the key strings their reconcile statements rebuild from stored columns (days as `YYYY-MM-DD`,
/// instants as UTC with microseconds, parts joined with `|`), and the store's own precision (microsecond instants, numeric(5,2)).
/// </summary>
public static class FeedValues
{
    /// <summary>A `|`-joined key; a null part is empty (as `coalesce(col, '')` in SQL).</summary>
    public static string Key(params string?[] parts) => string.Join('|', parts.Select(p => p ?? string.Empty));

    /// <summary>`to_char(day, 'YYYY-MM-DD')`.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>An instant at the store's precision (timestamptz keeps microseconds), in UTC.</summary>
    public static DateTimeOffset Microseconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>A numeric(5,2) value as the store keeps it (PostgreSQL rounds half away from zero).</summary>
    public static decimal Hundredths(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>A percentage the store accepts (0–100).</summary>
    public static bool IsPercentage(decimal value) => value is >= 0 and <= 100;

    /// <summary>An enumeration value as sent: trimmed and lower-cased, null when blank.</summary>
    public static string? Token(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    /// <summary>A text the store keeps: null when blank.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
