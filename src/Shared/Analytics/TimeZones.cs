namespace Analytics.Api.Shared.Analytics;

/// <summary>An IANA time zone the runtime knows, or null: an unknown zone would break every local-calendar window.</summary>
public static class TimeZones
{
    public static string? Valid(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _) ? id.Trim() : null;

    /// <summary>The zone named by <paramref name="id"/>, else UTC.</summary>
    public static TimeZoneInfo OrUtc(string? id) => Valid(id) is { } valid ? TimeZoneInfo.FindSystemTimeZoneById(valid) : TimeZoneInfo.Utc;
}
