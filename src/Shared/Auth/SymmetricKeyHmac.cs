using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Analytics.Api.Shared.Auth;

/// <summary>HMAC-SHA256 of personal values (client address, e-mail) under a key derived from the signing key, so logs of attempts hold no PII.</summary>
public sealed class SymmetricKeyHmac(SymmetricSecurityKey signingKey)
{
    private readonly byte[] _key = SHA256.HashData([.. "login-attempts:"u8, .. signingKey.Key]);

    public byte[] Hash(string value) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value.ToLowerInvariant()));
}
