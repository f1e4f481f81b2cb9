using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Analytics.Api.Shared.Auth;

/// <summary>
/// Builds the canonical principal (sub, roles, org_id, dept_id, email, sid, jti) from a validated token. External tokens go
/// through the configured claim map (API.md §2.5); unknown roles are dropped and `org_admin` becomes `org-admin`.
/// </summary>
public static class ClaimMapper
{
    public static ClaimsPrincipal? Map(ClaimsPrincipal validated, ClaimMapOptions map)
    {
        var subject = First(validated, map.Sub);
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var identity = new ClaimsIdentity(validated.Identity?.AuthenticationType ?? "Bearer", ClaimNames.Subject, ClaimNames.Roles);
        identity.AddClaim(new Claim(ClaimNames.Subject, subject));
        foreach (var role in Roles.Canonical(RoleValues(validated, map.Roles)))
        {
            identity.AddClaim(new Claim(ClaimNames.Roles, role));
        }

        AddIfPresent(identity, ClaimNames.OrganisationId, First(validated, map.OrgId));
        AddIfPresent(identity, ClaimNames.DepartmentId, First(validated, map.DeptId));
        AddIfPresent(identity, ClaimNames.Email, First(validated, map.Email)?.ToLowerInvariant());
        AddIfPresent(identity, ClaimNames.Name, validated.FindFirstValue(ClaimNames.Name));
        AddIfPresent(identity, ClaimNames.SessionId, validated.FindFirstValue(ClaimNames.SessionId));
        AddIfPresent(identity, ClaimNames.Expires, validated.FindFirstValue(ClaimNames.Expires));
        var jti = validated.FindFirstValue(ClaimNames.TokenId);
        if (!string.IsNullOrEmpty(jti))
        {
            identity.AddClaim(new Claim(ClaimNames.TokenId, (Guid.TryParse(jti, out var id) ? id : NameBasedGuid(jti)).ToString()));
        }

        return new ClaimsPrincipal(identity);
    }

    private static string? First(ClaimsPrincipal principal, IEnumerable<string> names) =>
        names.Select(name => principal.FindFirst(name)?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v)) is { } value
            ? FirstOfArray(value)
            : null;

    // `dept_ids` may arrive as a JSON array in one claim: take its first element.
    private static string FirstOfArray(string value)
    {
        if (!value.StartsWith('['))
        {
            return value;
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.EnumerateArray().Select(e => e.ToString()).FirstOrDefault() ?? value;
        }
        catch (JsonException)
        {
            return value;
        }
    }

    private static string[] RoleValues(ClaimsPrincipal principal, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var values = principal.FindAll(name).Select(c => c.Value).ToArray();
            if (values.Length > 0)
            {
                return values;
            }
        }

        return [];
    }

    private static void AddIfPresent(ClaimsIdentity identity, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            identity.AddClaim(new Claim(type, value));
        }
    }

    // RFC 4122 name-based (v5) UUID, so an external token's non-UUID jti can sit in the uuid column of revoked_access.
    private static Guid NameBasedGuid(string name)
    {
#pragma warning disable CA5350 // RFC 4122 v5 UUIDs are defined over SHA-1; this is an identifier, not a security hash.
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("analytics-jti:" + name));
#pragma warning restore CA5350
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
