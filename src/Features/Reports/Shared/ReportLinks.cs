using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Analytics.Api.Features.Reports.Shared;

/// <summary>
/// Signed download links (API.md §4.7): `/api/v1/reports/{id}/download?expires=&lt;unix s&gt;&amp;signature=&lt;HMAC&gt;`, valid 24 h,
/// under a key derived (HKDF-SHA256) from `Auth:SigningKey` so every instance accepts every instance's links.
/// </summary>
public sealed class ReportLinks(SymmetricSecurityKey signingKey, TimeProvider timeProvider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly byte[] _key = HKDF.DeriveKey(
        HashAlgorithmName.SHA256, signingKey.Key, 32, salt: [], info: Encoding.UTF8.GetBytes("analytics/report-download-link/v1"));

    public string DownloadPath(string reportId)
    {
        var expires = (timeProvider.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        return $"/api/v1/reports/{reportId}/download?expires={expires.ToString(CultureInfo.InvariantCulture)}&signature={Sign(reportId, expires)}";
    }

    public bool IsValid(string reportId, long expires, string? signature) =>
        signature is not null
        && expires >= timeProvider.GetUtcNow().ToUnixTimeSeconds()
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(reportId, expires)), Encoding.ASCII.GetBytes(signature));

    private string Sign(string reportId, long expires) =>
        Base64UrlEncoder.Encode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{reportId}\n{expires.ToString(CultureInfo.InvariantCulture)}")));
}
