namespace Analytics.Api.Shared.Auth;

public static class AuthModes
{
    public const string Standalone = "standalone";
    public const string External = "external";
}
