namespace Analytics.Api.Shared.Auth;

/// <summary>The canonical roles (PRODUCT.md decision 3), always emitted in this order so roles[0] is deterministic.</summary>
public static class Roles
{
    public const string Learner = "learner";
    public const string Trainer = "trainer";
    public const string OrgAdmin = "org-admin";
    public const string PlatformAdmin = "platform-admin";

    public static readonly IReadOnlyList<string> Ordered = [Learner, Trainer, OrgAdmin, PlatformAdmin];

    /// <summary>Maps an input spelling (`org_admin` accepted) to the canonical role, or null when unknown.</summary>
    public static string? Normalise(string? role)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            return null;
        }

        var lower = role.Trim().ToLowerInvariant();
        return lower switch
        {
            Learner => Learner,
            Trainer => Trainer,
            OrgAdmin or "org_admin" => OrgAdmin,
            PlatformAdmin or "platform_admin" => PlatformAdmin,
            _ => null,
        };
    }

    /// <summary>Canonical, de-duplicated, in the fixed order; unknown names dropped.</summary>
    public static IReadOnlyList<string> Canonical(IEnumerable<string?> roles)
    {
        var set = roles.Select(Normalise).Where(r => r is not null).ToHashSet();
        return Ordered.Where(set.Contains).ToArray();
    }
}
