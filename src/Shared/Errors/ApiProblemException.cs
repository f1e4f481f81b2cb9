namespace Analytics.Api.Shared.Errors;

/// <summary>A failure that maps to one problem+json answer of API.md §1.5; thrown anywhere, written once by the exception handler.</summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(int status, string code, string title, string detail,
        IReadOnlyDictionary<string, object?>? extensions = null, IReadOnlyDictionary<string, string>? headers = null)
        : base(detail)
    {
        Status = status;
        Code = code;
        Title = title;
        Extensions = extensions ?? new Dictionary<string, object?>();
        Headers = headers ?? new Dictionary<string, string>();
    }

    public int Status { get; }

    public string Code { get; }

    public string Title { get; }

    public IReadOnlyDictionary<string, object?> Extensions { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }
}
