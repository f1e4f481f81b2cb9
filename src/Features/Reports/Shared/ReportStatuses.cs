namespace Analytics.Api.Features.Reports.Shared;

/// <summary>`status` of a report (API.md §4.7).</summary>
public static class ReportStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Queued, Running, Completed, Failed];
}
