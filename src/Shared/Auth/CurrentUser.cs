namespace Analytics.Api.Shared.Auth;

/// <summary>The caller of a request as the validated token and the X-Active-Role header describe them (API.md §2.3, §3.1).</summary>
public sealed record CurrentUser(
    string UserId,
    string? Email,
    string? Name,
    IReadOnlyList<string> Roles,
    string? OrganisationId,
    string? DepartmentId,
    string ActiveRole,
    Guid? SessionId,
    Guid? TokenId,
    DateTimeOffset? ExpiresAt);
