namespace Analytics.Api.Shared.Errors;

/// <summary>WWW-Authenticate values of API.md §2.2 (RFC 6750).</summary>
public static class AuthenticateHeader
{
    public const string Basic = "Bearer realm=\"learning-analytics\"";

    public static string InvalidToken(string description) =>
        $"Bearer realm=\"learning-analytics\", error=\"invalid_token\", error_description=\"{description}\"";
}
