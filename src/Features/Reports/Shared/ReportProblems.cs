using Analytics.Api.Shared.Errors;

namespace Analytics.Api.Features.Reports.Shared;

/// <summary>The report error codes of API.md §1.5.</summary>
public static class ReportProblems
{
    public static ApiProblemException NotFound() =>
        new(404, "REPORT_NOT_FOUND", "Report not found", "The report does not exist, has expired, or is not yours.");

    public static ApiProblemException NotReady(string status) =>
        new(409, "REPORT_NOT_READY", "Report not ready", $"The report is {status}; try again shortly.",
            new Dictionary<string, object?> { ["reportStatus"] = status },
            new Dictionary<string, string> { ["Retry-After"] = "5" });

    public static ApiProblemException Failed(string? reason) =>
        new(409, "REPORT_FAILED", "Report failed", "The report could not be generated.",
            new Dictionary<string, object?> { ["reportStatus"] = ReportStatuses.Failed, ["reason"] = reason ?? "unknown" });

    public static ApiProblemException ScheduleNotFound() =>
        new(404, "SCHEDULE_NOT_FOUND", "Schedule not found", "The schedule does not exist or is not yours.");

    public static ApiProblemException LimitReached(int limit) =>
        new(409, "LIMIT_REACHED", "Limit reached", $"A user may hold at most {limit} report schedules; delete one first.",
            new Dictionary<string, object?> { ["limit"] = limit });
}
