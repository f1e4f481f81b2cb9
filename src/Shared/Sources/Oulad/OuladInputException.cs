namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// A file of the OULAD folder is missing or malformed (SOURCES.md §4.1 exit code 3, "bad input"). The message names the file
/// and, where there is one, the 1-based line.
/// </summary>
public sealed class OuladInputException : Exception
{
    public OuladInputException()
    {
    }

    public OuladInputException(string message)
        : base(message)
    {
    }

    public OuladInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OuladInputException(string file, long line, string problem)
        : base(line > 0 ? $"{file} line {line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
    }

    /// <summary>The file name (without folder), when the problem is in one file.</summary>
    public string? File { get; }

    /// <summary>The 1-based line number, or 0 when the problem is not on one line.</summary>
    public long Line { get; }
}
