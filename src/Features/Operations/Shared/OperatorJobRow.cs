using System.Text.Json.Nodes;
using Analytics.Api.Shared.Jobs;

namespace Analytics.Api.Features.Operations.Shared;

/// <summary>One job as Jobs.Get.sql and ListJobs.sql read it (already in API terms); settable for Dapper.</summary>
public sealed class OperatorJobRow
{
    public string? JobId { get; set; }

    public string Type { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public int Progress { get; set; }

    public string Stage { get; set; } = string.Empty;

    public string Trigger { get; set; } = string.Empty;

    public string? RequestedBy { get; set; }

    public string Parameters { get; set; } = "{}";

    public int Total { get; set; }

    public int Processed { get; set; }

    public int Failed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Error { get; set; }

    /// <summary>Jobs matching the list's filters in all (list queries only).</summary>
    public int TotalCount { get; set; }

    public OperatorJob ToJob() => new(
        JobId!,
        Type,
        Status,
        Progress,
        Stage,
        Trigger,
        RequestedBy,
        JsonNode.Parse(Parameters) as JsonObject ?? [],
        new JobCounters(Total, Processed, Failed),
        CreatedAt,
        StartedAt,
        CompletedAt,
        JobError.Parse(Error));
}
