using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Analytics.Api.Features.Sources.UpstreamStub;

/// <summary>
/// The query of one page call (SOURCES.md §3.2): `limit` 1–1000 (default 500), the opaque `cursor`, `updatedSince` (inclusive),
/// `from`/`to` on usage/daily and `organizationId` on skill-mappings. Parameters a listing does not take are ignored, as the
/// contract ignores unknown fields.
/// </summary>
public sealed record UpstreamStubPageRequest(
    int Limit, UpstreamStubCursor? Cursor, DateTimeOffset? UpdatedSince, DateOnly? From, DateOnly? To, string? OrganisationId)
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    /// <summary>The request, or the reason it is malformed (a 400).</summary>
    public static (UpstreamStubPageRequest? Request, string? Error) Parse(UpstreamStubListing listing, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        var limit = DefaultLimit;
        if (Single(query["limit"]) is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return (null, $"limit must be an integer from 1 to {MaxLimit}");
        }

        UpstreamStubCursor? cursor = null;
        if (Single(query["cursor"]) is { } cursorText && (cursor = UpstreamStubCursor.Decode(cursorText)) is null)
        {
            return (null, "cursor is not a cursor of this listing");
        }

        DateTimeOffset? updatedSince = null;
        if (Single(query["updatedSince"]) is { } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var since))
            {
                return (null, "updatedSince must be an ISO-8601 instant");
            }

            updatedSince = since;
        }

        DateOnly? from = null, to = null;
        if (listing.DayWindow)
        {
            if (!TryDay(Single(query["from"]), out from) || !TryDay(Single(query["to"]), out to))
            {
                return (null, "from and to must be days YYYY-MM-DD");
            }
        }

        var organisationId = listing.Scope == UpstreamStubScope.Organisation
            ? request.RouteValues["organizationId"] as string
            : listing.OrganisationFilter ? Single(query["organizationId"]) : null;
        return (new UpstreamStubPageRequest(limit, cursor, updatedSince, from, to, organisationId), null);
    }

    private static string? Single(StringValues values) => values.Count == 0 || string.IsNullOrEmpty(values[^1]) ? null : values[^1];

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }
}
