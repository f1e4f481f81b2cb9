using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>
/// A webhook schedule's signing secret: 32 random bytes shown once (`whsec_` + base64url), stored encrypted, not hashed (the
/// server must sign every delivery with it, which a hash cannot do), with AES-256-GCM under a key derived (HKDF-SHA256) from
/// `Auth:SigningKey`, which every instance shares. Rotating that key makes stored secrets unreadable: their deliveries fail
/// until the schedule is recreated.
/// </summary>
public sealed class WebhookSecrets(SymmetricSecurityKey signingKey)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key = HKDF.DeriveKey(
        HashAlgorithmName.SHA256, signingKey.Key, 32, salt: [], info: Encoding.UTF8.GetBytes("analytics/report-webhook-secret/v1"));

    public static string NewSecret() => "whsec_" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string Encrypt(string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var output = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceBytes + TagBytes), output.AsSpan(NonceBytes, TagBytes));
        return Convert.ToBase64String(output);
    }

    public string Decrypt(string stored)
    {
        var input = Convert.FromBase64String(stored);
        var plain = new byte[input.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes + TagBytes), input.AsSpan(NonceBytes, TagBytes), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>`sha256=` + the lower-case hex HMAC-SHA256 of the exact body bytes under the secret.</summary>
    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
