using System.Text.Json.Nodes;
using Analytics.Api.Features.Reports.Shared;

namespace Analytics.Api.Features.Reports.GetReport;

/// <summary>`{report, preview}`; `preview` is null until the report is completed.</summary>
public sealed record ReportDetails(ReportResource Report, JsonNode? Preview);
