using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Refresh.RequestRefresh;

/// <summary>The 202 body of `POST /analytics/refresh` (API.md §4.6).</summary>
public sealed record RefreshAccepted(
    string JobId,
    string Status,
    DateTimeOffset EstimatedCompletion,
    IReadOnlyList<string> QueuedAnalytics,
    AnalyticSubject Subject,
    string Role,
    string StatusUrl,
    string Message);
