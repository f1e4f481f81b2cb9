using System.Globalization;
using System.Text;

namespace Analytics.Api.Features.Sources.UpstreamStub;

/// <summary>
/// The opaque cursor of a stub listing (SOURCES.md §3.2): the listing's start time (every page reports it as `asOf`) and the
/// (updatedAt, key) of the last item sent, after which the next page starts. Base64url of `asOfTicks.updatedAtTicks.key`.
/// </summary>
public readonly record struct UpstreamStubCursor(DateTimeOffset AsOf, DateTimeOffset UpdatedAt, string Key)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{AsOf.UtcTicks}.{UpdatedAt.UtcTicks}.{Key}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The cursor, or null when the text is not one this stub wrote.</summary>
    public static UpstreamStubCursor? Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(bytes, 0, length).Split('.', 3);
        return parts.Length == 3
               && Ticks(parts[0]) is { } asOf
               && Ticks(parts[1]) is { } updatedAt
               && parts[2].Length > 0
            ? new UpstreamStubCursor(asOf, updatedAt, parts[2])
            : null;
    }

    private static DateTimeOffset? Ticks(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
        && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
}
