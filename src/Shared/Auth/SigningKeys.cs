using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Analytics.Api.Shared.Auth;

/// <summary>Turns `Auth:SigningKey` into an HS256 key, refusing weak or missing keys outside Development (PRODUCT.md decision 5).</summary>
public static partial class SigningKeys
{
    public const int MinimumBytes = 32;

    public static SymmetricSecurityKey Resolve(string? configured, bool isDevelopment, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!isDevelopment)
            {
                throw new InvalidOperationException(
                    "Auth:SigningKey is not configured. Set a random key of at least 32 bytes (base64), e.g. `openssl rand -base64 32`.");
            }

            LogRandomKey(logger);
            return new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(MinimumBytes)) { KeyId = "dev" };
        }

        var bytes = Decode(configured);
        if (bytes.Length < MinimumBytes)
        {
            throw new InvalidOperationException($"Auth:SigningKey is too weak: it must hold at least {MinimumBytes} bytes.");
        }

        return new SymmetricSecurityKey(bytes);
    }

    private static byte[] Decode(string configured)
    {
        var buffer = new byte[configured.Length];
        return Convert.TryFromBase64String(configured, buffer, out var written) && written >= MinimumBytes
            ? buffer[..written]
            : Encoding.UTF8.GetBytes(configured);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:SigningKey is not configured: using a random per-process key; tokens die on restart")]
    private static partial void LogRandomKey(ILogger logger);
}
