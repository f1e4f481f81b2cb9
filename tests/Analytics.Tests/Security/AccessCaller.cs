using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Security;

/// <summary>Who sends a matrix request: a user id, the roles and organisation of their token, and the `X-Active-Role` sent.</summary>
public sealed record AccessCaller(string Name, string? UserId, string[] Roles, string? OrganisationId, string? ActiveRoleHeader = null)
{
    private readonly Lazy<string?> _token = new(() =>
        UserId is null ? null : TestTokens.Mint(UserId, Roles, OrganisationId!, DateTimeOffset.UtcNow.AddMinutes(-1)));

    public bool IsAnonymous => UserId is null;

    /// <summary>The role authorization uses: the header's, else the token's first (API.md §3.1).</summary>
    public string ActiveRole => ActiveRoleHeader ?? (Roles.Length > 0 ? Roles[0] : string.Empty);

    /// <summary>A caller the store does not hold (an external-mode user before the next sync): reads of its own ids are 404.</summary>
    public bool IsGhost { get; init; }

    public string? Token => _token.Value;

    public override string ToString() => Name;
}
