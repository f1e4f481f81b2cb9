using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Behaviours;
using Mediator;

namespace Analytics.Api.Features.Operations.ListJobs;

/// <summary>
/// `GET /admin/jobs?type=&amp;status=&amp;page=&amp;limit=&amp;sort=` (API.md §4.9, §7): jobs of every type, newest first. The
/// parameters arrive as sent and are checked by the validator, so a bad number is a 400 naming the parameter.
/// </summary>
public sealed record ListJobsQuery(string? Type, string? Status, string? Page, string? Limit, string? Sort)
    : IQuery<ListJobsResponse>, IRoleRestricted
{
    public const int DefaultLimit = 20;

    public static readonly IReadOnlyList<string> Types = ["refresh", "report", "sync", "import", "retrain", "recalculation", "erasure-recompute"];

    public static readonly IReadOnlyList<string> Statuses = ["queued", "running", "completed", "failed"];

    public IReadOnlyList<string> AllowedRoles => OperatorRoles.Allowed;

    public int PageNumber => int.TryParse(Page, out var page) ? page : 1;

    public int PageSize => int.TryParse(Limit, out var limit) ? limit : DefaultLimit;

    public bool Descending => Sort is null or "-createdAt";

    public static string[]? List(string? value) =>
        string.IsNullOrEmpty(value) ? null : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
