namespace Analytics.Api.Shared.Http;

/// <summary>Request limits of API.md §6.3.</summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 64 * 1024;

    public const int MaxJsonDepth = 32;
}
