namespace Analytics.Tests.Security;

/// <summary>What an access check answered (or must answer): allowed through to the handler, or refused with a status and code.</summary>
public sealed record AccessExpectation(int Status, string? Code)
{
    /// <summary>Passed every access check; the handler answered (2xx, or an answer only a handler gives).</summary>
    public static readonly AccessExpectation Allowed = new(200, null);

    public static readonly AccessExpectation MissingToken = new(401, "MISSING_TOKEN");

    public static readonly AccessExpectation RoleNotPermitted = new(403, "ROLE_NOT_PERMITTED");

    public static readonly AccessExpectation AccessDenied = new(403, "ACCESS_DENIED");

    public static readonly AccessExpectation SubjectNotFound = new(404, "SUBJECT_NOT_FOUND");

    public override string ToString() => Code is null ? "allowed" : $"{Status} {Code}";
}
