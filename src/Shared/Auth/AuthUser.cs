using System.Text.Json.Serialization;

namespace Analytics.Api.Shared.Auth;

/// <summary>The `user` object of the login, refresh and me bodies (API.md §2.2).</summary>
public sealed record AuthUser(
    string Id,
    string? Email,
    string FullName,
    string Role,
    IReadOnlyList<string> Roles,
    string? OrganizationId,
    [property: JsonPropertyName("organization_id")] string? OrganizationIdForApp,
    string? DepartmentId,
    string TimeZone)
{
    public static AuthUser From(TokenSubject subject, string activeRole) => new(
        subject.UserId,
        subject.Email,
        subject.FullName,
        activeRole,
        subject.Roles,
        subject.OrganisationId,
        subject.OrganisationId,
        subject.DepartmentId,
        subject.TimeZone ?? "UTC");
}
