using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Analytics.Api.Shared.Auth;

/// <summary>Opaque refresh tokens: 256 random bits, base64url; only their SHA-256 is stored (API.md §2.4).</summary>
public static class RefreshTokenValue
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(14);
    public static readonly TimeSpan FamilyLifetime = TimeSpan.FromDays(30);

    public static string Create() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
