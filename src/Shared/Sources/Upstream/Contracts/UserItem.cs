namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Directory `GET /organizations/{orgId}/users` (SOURCES.md §3.4); `roles` is the complete set of the user's roles.</summary>
public sealed record UserItem(
    string? Id,
    string? Email,
    string? FirstName,
    string? LastName,
    string? DepartmentId,
    IReadOnlyList<string>? Roles,
    UserProfile? Profile,
    bool? IsActive,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeletedAt);
