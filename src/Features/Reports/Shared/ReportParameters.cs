using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Analytics.Api.Features.Reports.Shared;

/// <summary>What `report_jobs.parameters` keeps of a generate body: the period and the time zone it is read in.</summary>
public sealed record ReportParameters(DateOnly From, DateOnly To, string TimeZone)
{
    public string ToJson() => new JsonObject
    {
        ["from"] = From.ToString("O", CultureInfo.InvariantCulture),
        ["to"] = To.ToString("O", CultureInfo.InvariantCulture),
        ["timeZone"] = TimeZone,
    }.ToJsonString();

    public static ReportParameters Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ReportParameters(
            DateOnly.Parse(root.GetProperty("from").GetString()!, CultureInfo.InvariantCulture),
            DateOnly.Parse(root.GetProperty("to").GetString()!, CultureInfo.InvariantCulture),
            root.TryGetProperty("timeZone", out var zone) ? zone.GetString() ?? "UTC" : "UTC");
    }
}
