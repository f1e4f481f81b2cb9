using System.Text.Json.Nodes;

namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>
/// One analytic of a report: its envelope as the read endpoint returns it (null when the analytic has no stored view for this
/// subject type, with the reason in <see cref="Unavailable"/>) and the freshness facts every format shows.
/// </summary>
public sealed record ReportSection(
    string Analytic,
    JsonObject? Envelope,
    DateTimeOffset? ComputedAt,
    bool IsStale,
    string? Source,
    bool Degraded,
    string? Unavailable)
{
    public JsonObject? Data => Envelope?["data"] as JsonObject;
}
