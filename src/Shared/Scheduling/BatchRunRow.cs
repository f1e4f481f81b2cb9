namespace Analytics.Api.Shared.Scheduling;

/// <summary>A row of `analytics.batch_runs` (DATA_MODEL.md §2); settable, as Dapper fills it by column name.</summary>
public sealed class BatchRunRow
{
    public string Id { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public DateOnly RunDate { get; set; }

    public string Trigger { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public DateTimeOffset RefTime { get; set; }

    public int? TotalSubjects { get; set; }

    public int DoneSubjects { get; set; }

    public int FailedSubjects { get; set; }

    public string? ResumeAfter { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset? HeartbeatAt { get; set; }

    public string? Instance { get; set; }

    public string? Error { get; set; }

    public string? RequestedBy { get; set; }

    public string Parameters { get; set; } = "{}";

    public RecalculationParameters ParsedParameters => RecalculationParameters.Parse(Parameters);
}
