using Analytics.Api.Shared.Auth;

namespace Analytics.Api.Features.Reports.Shared;

/// <summary>
/// A report may hold only what its requester may read: the subject in the type's area and in the area of each analytic, under
/// the active role, through the same policy the read endpoints use (API.md §3.3–§3.4: 403 / 404 alike).
/// </summary>
public sealed class ReportAccess(AccessPolicy policy)
{
    public async Task EnsureCanReadAsync(
        CurrentUser caller, string type, string subjectId, IReadOnlyList<string> analytics, CancellationToken cancellationToken)
    {
        var areas = analytics.Select(a => ReportTypes.AreaOf(type, a))
            .Prepend(ReportTypes.AreaOf(type, string.Empty))
            .Distinct();
        foreach (var area in areas)
        {
            await policy.EnsureCanReadAsync(caller, area, subjectId, cancellationToken);
        }
    }
}
