using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Jobs;

namespace Analytics.Api.Features.Refresh.RefreshStatus;

/// <summary>The job status body of API.md §4.6.</summary>
public sealed record RefreshJobStatus(
    string JobId,
    string Status,
    int Progress,
    string Stage,
    string Trigger,
    AnalyticSubject Subject,
    string Role,
    IReadOnlyList<string> Analytics,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    JobError? Error,
    IReadOnlyList<RefreshResult> Results);
