namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>An IANA time zone the runtime knows, or null: an unknown zone would break every local-calendar window.</summary>
public static class TimeZones
{
    public static string? Valid(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _) ? id.Trim() : null;
}
