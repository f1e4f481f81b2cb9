using System.Security.Cryptography;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// 'job_' + a ULID (48-bit millisecond time, 80 random bits, Crockford base32, 26 characters), the own-id rule of DATA_MODEL.md §0.
/// Run ids are not content: they may be random.
/// </summary>
public static class JobId
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        var millis = (ulong)now.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(millis & 0xFF);
            millis >>= 8;
        }

        RandomNumberGenerator.Fill(bytes[6..]);
        return "job_" + Encode(bytes);
    }

    /// <summary>128 bits as 26 Crockford base32 characters (the first carries the top 3 bits).</summary>
    public static string Encode(ReadOnlySpan<byte> sixteenBytes)
    {
        if (sixteenBytes.Length != 16)
        {
            throw new ArgumentException("A ULID has 16 bytes.", nameof(sixteenBytes));
        }

        var value = new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(sixteenBytes),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(sixteenBytes[8..]));
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Crockford[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
