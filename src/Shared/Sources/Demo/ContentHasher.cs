using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// SHA-256 over a canonical encoding of rows (SOURCES.md §2.2): every value is tagged and length-prefixed, so different rows can
/// never encode to the same bytes. Not thread-safe: one per worker, reset per learner.
/// </summary>
public sealed class ContentHasher : IDisposable
{
    private const int BufferSize = 8192;
    private const int MaxValueBytes = 1024;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[BufferSize + MaxValueBytes];
    private int _length;

    public void BeginRow(int tableCode) => AddTagged(0x01, tableCode);

    public void Add(string? value)
    {
        if (value is null)
        {
            AddNull();
            return;
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes > MaxValueBytes - 8)
        {
            Flush();
            AddTagged(0x03, bytes);
            Flush();
            _hash.AppendData(Encoding.UTF8.GetBytes(value));
            return;
        }

        AddTagged(0x03, bytes);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        FlushIfFull();
    }

    public void Add(int value) => AddTagged(0x04, value);

    public void Add(int? value)
    {
        if (value is { } v)
        {
            Add(v);
        }
        else
        {
            AddNull();
        }
    }

    public void Add(short value) => AddTagged(0x05, value);

    public void Add(bool value) => AddTagged(0x06, value ? 1 : 0);

    public void Add(DateOnly value) => AddTagged(0x07, value.DayNumber);

    public void Add(DateOnly? value)
    {
        if (value is { } v)
        {
            Add(v);
        }
        else
        {
            AddNull();
        }
    }

    public void Add(DateTime value)
    {
        _buffer[_length++] = 0x08;
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), value.Ticks);
        _length += 8;
        FlushIfFull();
    }

    public void Add(decimal value)
    {
        // Scale-independent: 1.50m and 1.5m are the same number in PostgreSQL once stored.
        Add(value.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Appends raw bytes (used to chain per-learner hashes).</summary>
    public void AddBytes(ReadOnlySpan<byte> bytes)
    {
        Flush();
        _hash.AppendData(bytes);
    }

    /// <summary>Returns the hash of everything added since the last call and starts again.</summary>
    public byte[] Finish()
    {
        Flush();
        return _hash.GetHashAndReset();
    }

    public void Dispose() => _hash.Dispose();

    private void AddNull()
    {
        _buffer[_length++] = 0x02;
        FlushIfFull();
    }

    private void AddTagged(byte tag, int value)
    {
        _buffer[_length++] = tag;
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
        FlushIfFull();
    }

    private void FlushIfFull()
    {
        if (_length >= BufferSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_length > 0)
        {
            _hash.AppendData(_buffer, 0, _length);
            _length = 0;
        }
    }
}
