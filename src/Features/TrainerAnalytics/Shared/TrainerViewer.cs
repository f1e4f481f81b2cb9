using Analytics.Api.Shared.Auth;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// What the caller may see of a trainer's courses (API.md §3.3, §4.2): a trainer sees all of their own; an org-admin only the
/// courses their organisation owns. Endpoints set the scope on each trainer message from the validated caller (never from the
/// request), and it is part of the cache key, so a trainer's and an org-admin's views never share a cached result.
/// </summary>
public static class TrainerViewer
{
    /// <summary>The caller's organisation when the active role is org-admin, else null (no restriction).</summary>
    public static string? OrganisationScopeOf(CurrentUser caller) =>
        caller.ActiveRole == Roles.OrgAdmin ? caller.OrganisationId ?? string.Empty : null;

    /// <summary>The cache-key segment of a scope: empty for a trainer, `:org-<id>` for an org-admin.</summary>
    public static string CacheSegment(string? organisationScope) =>
        organisationScope is null ? string.Empty : $":org-{organisationScope}";
}
