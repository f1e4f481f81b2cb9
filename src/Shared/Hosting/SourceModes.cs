namespace Analytics.Api.Shared.Hosting;

/// <summary>`Sources:Mode` values (SOURCES.md).</summary>
public static class SourceModes
{
    public const string Demo = "demo";
    public const string Upstream = "upstream";
    public const string Oulad = "oulad";
    public const string Mixed = "mixed";

    public static string Current(IConfiguration configuration) =>
        (configuration["Sources:Mode"] ?? Upstream).Trim().ToLowerInvariant();
}
