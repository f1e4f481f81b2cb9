namespace Analytics.Api.Features.Reports.Shared;

/// <summary>The download formats of API.md §4.7 with their content types and file extensions; `excel` is accepted for `xlsx`.</summary>
public static class ReportFormats
{
    public const string Pdf = "pdf";
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public const string Json = "json";

    public static readonly IReadOnlyList<string> All = [Pdf, Csv, Xlsx, Json];

    public static string? Canonical(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        Pdf => Pdf,
        Csv => Csv,
        Xlsx or "excel" => Xlsx,
        Json => Json,
        _ => null,
    };

    public static string ContentType(string format) => format switch
    {
        Pdf => "application/pdf",
        Csv => "text/csv; charset=utf-8",
        Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/json",
    };
}
