namespace Analytics.Api.Shared.Auth;

/// <summary>Access-token claims of API.md §2.3.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Name = "name";
    public const string Roles = "roles";
    public const string OrganisationId = "org_id";
    public const string DepartmentId = "dept_id";
    public const string SessionId = "sid";
    public const string TokenId = "jti";
    public const string Expires = "exp";
}
