using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Analytics.Api.Shared.Http;

/// <summary>`pagination {page, limit, total, totalPages, hasNext}` of every list (API.md §7) and its `Link` header.</summary>
public sealed record Pagination(int Page, int Limit, int Total, int TotalPages, bool HasNext)
{
    public static Pagination Of(int page, int limit, int total) =>
        new(page, limit, total, (total + limit - 1) / limit, (long)page * limit < total);

    /// <summary>`Link: <…?page=n+1&amp;limit=l>; rel="next"`, plus prev, first and last, the rest of the query unchanged.</summary>
    public static string LinkHeader(HttpRequest request, Pagination pagination)
    {
        var links = new List<string>();
        var last = Math.Max(1, pagination.TotalPages);
        if (pagination.HasNext)
        {
            links.Add(Link(request, pagination, pagination.Page + 1, "next"));
        }

        if (pagination.Page > 1)
        {
            links.Add(Link(request, pagination, Math.Min(pagination.Page - 1, last), "prev"));
        }

        links.Add(Link(request, pagination, 1, "first"));
        links.Add(Link(request, pagination, last, "last"));
        return string.Join(", ", links);
    }

    private static string Link(HttpRequest request, Pagination pagination, int page, string relation)
    {
        var query = request.Query
            .Where(pair => pair.Key is not ("page" or "limit"))
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))
            .Append(new KeyValuePair<string, string?>("page", page.ToString(CultureInfo.InvariantCulture)))
            .Append(new KeyValuePair<string, string?>("limit", pagination.Limit.ToString(CultureInfo.InvariantCulture)));
        return $"<{QueryHelpers.AddQueryString(request.Path.Value ?? "/", query)}>; rel=\"{relation}\"";
    }
}
