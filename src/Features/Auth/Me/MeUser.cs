using System.Text.Json.Serialization;

namespace Analytics.Api.Features.Auth.Me;

/// <summary>The login body's user plus `activeRole` and `lastLoginAt`; `role` equals the active role (API.md §2.2).</summary>
public sealed record MeUser(
    string Id,
    string? Email,
    string FullName,
    string Role,
    IReadOnlyList<string> Roles,
    string? OrganizationId,
    [property: JsonPropertyName("organization_id")] string? OrganizationIdForApp,
    string? DepartmentId,
    string TimeZone,
    string ActiveRole,
    DateTimeOffset? LastLoginAt);
