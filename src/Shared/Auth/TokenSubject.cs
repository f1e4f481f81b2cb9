namespace Analytics.Api.Shared.Auth;

/// <summary>The stored facts a token is issued from: always read from the store, never from a previous token.</summary>
public sealed record TokenSubject(
    string UserId,
    string? Email,
    string FullName,
    IReadOnlyList<string> Roles,
    string OrganisationId,
    string? DepartmentId,
    string? TimeZone);
