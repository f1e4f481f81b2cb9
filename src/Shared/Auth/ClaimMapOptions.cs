namespace Analytics.Api.Shared.Auth;

/// <summary>Claim names read from an external token, first match wins (API.md §2.5 defaults).</summary>
public sealed class ClaimMapOptions
{
    public IList<string> Sub { get; } = ["sub", "userId"];

    public IList<string> Roles { get; } = ["roles", "role"];

    public IList<string> OrgId { get; } = ["org_id", "organizationId"];

    public IList<string> DeptId { get; } = ["dept_id", "dept_ids"];

    public IList<string> Email { get; } = ["email"];
}
