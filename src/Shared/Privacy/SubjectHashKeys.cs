using System.Security.Cryptography;
using System.Text;

namespace Analytics.Api.Shared.Privacy;

/// <summary>
/// Turns `Privacy:SubjectHashKey` into the HMAC key of erasure tombstones and hashed audit references (DATA_MODEL.md §7, §10),
/// refusing a weak or missing key outside Development, as <see cref="Auth.SigningKeys"/> does for the signing key. The key must
/// outlive the process: a tombstone hashed under one key is not recognised under another.
/// </summary>
public static partial class SubjectHashKeys
{
    public const string ConfigurationKey = "Privacy:SubjectHashKey";

    public const int MinimumBytes = 32;

    public static byte[] Resolve(string? configured, bool isDevelopment, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!isDevelopment)
            {
                throw new InvalidOperationException(
                    $"{ConfigurationKey} is not configured. Set a random key of at least {MinimumBytes} bytes (base64), e.g. `openssl rand -base64 32`, " +
                    "and keep it: erasure tombstones are hashed with it.");
            }

            LogRandomKey(logger);
            return RandomNumberGenerator.GetBytes(MinimumBytes);
        }

        return Decode(configured);
    }

    /// <summary>The configured key, or null when none is set (command-line loaders then refuse a store that holds tombstones).</summary>
    public static byte[]? ResolveOptional(string? configured) => string.IsNullOrWhiteSpace(configured) ? null : Decode(configured);

    private static byte[] Decode(string configured)
    {
        var buffer = new byte[configured.Length];
        var bytes = Convert.TryFromBase64String(configured, buffer, out var written) && written >= MinimumBytes
            ? buffer[..written]
            : Encoding.UTF8.GetBytes(configured);
        return bytes.Length >= MinimumBytes
            ? bytes
            : throw new InvalidOperationException($"{ConfigurationKey} is too weak: it must hold at least {MinimumBytes} bytes.");
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Privacy:SubjectHashKey is not configured: using a random per-process key; erasure tombstones are not recognised after a restart")]
    private static partial void LogRandomKey(ILogger logger);
}
