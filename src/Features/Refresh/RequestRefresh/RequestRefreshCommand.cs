using System.Text.Json;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.Refresh.RequestRefresh;

/// <summary>
/// `POST /analytics/refresh` (API.md §4.6). The family is the body's role, else the analytics string when it names a role, else
/// the caller's active role; the subject must be readable under the active role in that family's area (§3.3).
/// </summary>
public sealed record RequestRefreshCommand(string? SubjectId, string? Role, JsonElement? Analytics, string ActiveRole, string RequestedBy)
    : ICommand<RefreshAccepted>, IRoleRestricted, ISubjectScoped
{
    /// <summary>A platform-admin may not request a refresh (API.md §3.3): 403 ROLE_NOT_PERMITTED before the body is validated.</summary>
    public IReadOnlyList<string> AllowedRoles => [Roles.Learner, Roles.Trainer, Roles.OrgAdmin];

    /// <summary>`analytics` given as a role name ("learner"): that family, all of its analytics.</summary>
    public string? AnalyticsRole => Analytics is { ValueKind: JsonValueKind.String } value ? Roles.Normalise(value.GetString()) : null;

    public string? Family => Role is not null ? Roles.Normalise(Role) : AnalyticsRole ?? ActiveRole;

    public SubjectArea Area => RoleFamilies.AreaOf(Family ?? ActiveRole);

    string ISubjectScoped.SubjectId => SubjectId ?? string.Empty;

    /// <summary>The requested ids as sent (null = the whole family).</summary>
    public IReadOnlyList<string?>? RequestedIds => Analytics is { ValueKind: JsonValueKind.Array } array
        ? array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).ToArray()
        : null;

    /// <summary>The canonical ids to refresh, in the order of API.md §4.0 (valid once validated).</summary>
    public IReadOnlyList<string> CanonicalIds(string family) => RequestedIds is { } ids
        ? RoleFamilies.AnalyticsOf(family).Where(id => ids.Any(requested => requested is not null && RoleFamilies.Canonical(family, requested) == id)).ToArray()
        : RoleFamilies.AnalyticsOf(family);
}
