using System.Globalization;
using System.IO.Compression;
using nietras.SeparatedValues;

namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// One OULAD file read with Sep (span-based, no string per field; RFC 4180 quotes and CRLF accepted, <c>.gz</c> decompressed on
/// the fly). It checks the header and every row's column count, and turns every problem into an <see cref="OuladInputException"/>
/// naming the file and the line.
/// </summary>
public sealed class OuladCsv : IDisposable
{
    private readonly Stream _stream;
    private readonly SepReader _reader;
    private readonly int _columnCount;

    private OuladCsv(string name, Stream stream, SepReader reader, int[] columns)
    {
        Name = name;
        _stream = stream;
        _reader = reader;
        Columns = columns;
        _columnCount = reader.Header.ColNames.Count;
    }

    /// <summary>The file name as it appears in messages (e.g. <c>studentVle.csv.gz</c>).</summary>
    public string Name { get; }

    /// <summary>The index of each required column, in the order they were asked for.</summary>
    public IReadOnlyList<int> Columns { get; }

    /// <summary>The 1-based line of the current row.</summary>
    public int Line { get; private set; }

    /// <summary>Opens <paramref name="path"/> (plain or gzip by extension) and checks that the header holds every required column.</summary>
    public static OuladCsv Open(string path, IReadOnlyList<string> requiredColumns)
    {
        ArgumentNullException.ThrowIfNull(requiredColumns);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new OuladInputException(name, 0, $"the file is missing in {Path.GetDirectoryName(Path.GetFullPath(path))}.");
        }

        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                stream = new GZipStream(stream, CompressionMode.Decompress);
            }

            var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture })
                .From(stream, leaveOpen: true);
            if (reader.Header.IsEmpty)
            {
                reader.Dispose();
                throw new OuladInputException(name, 1, "the file is empty; a header line is expected.");
            }

            var columns = new int[requiredColumns.Count];
            for (var i = 0; i < columns.Length; i++)
            {
                if (!reader.Header.TryIndexOf(requiredColumns[i], out columns[i]))
                {
                    reader.Dispose();
                    throw new OuladInputException(name, 1,
                        $"the header has no column '{requiredColumns[i]}' (expected {string.Join(",", requiredColumns)}; found {string.Join(",", reader.Header.ColNames)}).");
                }
            }

            return new OuladCsv(name, stream, reader, columns);
        }
        catch (Exception error) when (error is not OuladInputException)
        {
            stream.Dispose();
            throw new OuladInputException(name, 0, $"cannot be read: {error.Message}");
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Advances to the next data row; false at the end. A row with another column count than the header is rejected.</summary>
    public bool Read()
    {
        try
        {
            if (!_reader.MoveNext())
            {
                return false;
            }
        }
        catch (Exception error) when (error is InvalidDataException or IOException or FormatException)
        {
            throw new OuladInputException(Name, Line + 1, $"cannot be read: {error.Message}");
        }

        var row = _reader.Current;
        Line = row.LineNumberFrom;
        if (row.ColCount != _columnCount)
        {
            throw Error($"expected {_columnCount} columns as in the header, found {row.ColCount}.");
        }

        return true;
    }

    /// <summary>The raw text of the required column <paramref name="column"/> (an index into <see cref="Columns"/>).</summary>
    public ReadOnlySpan<char> Span(int column) => _reader.Current[Columns[column]].Span;

    public string Text(int column, string field)
    {
        var span = Span(column);
        return span.IsEmpty ? throw Error($"{field} is empty.") : span.ToString();
    }

    public string? OptionalText(int column)
    {
        var span = Span(column);
        return span.IsEmpty ? null : span.ToString();
    }

    public int WholeNumber(int column, string field)
    {
        var span = Span(column);
        return int.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"{field} '{span}' is not an integer.");
    }

    public int? OptionalInt(int column, string field) => Span(column).IsEmpty ? null : WholeNumber(column, field);

    public decimal Number(int column, string field)
    {
        var span = Span(column);
        return decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"{field} '{span}' is not a number.");
    }

    public decimal? OptionalDecimal(int column, string field) => Span(column).IsEmpty ? null : Number(column, field);

    /// <summary>A problem with the current line.</summary>
    public OuladInputException Error(string problem) => new(Name, Line, problem);

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
