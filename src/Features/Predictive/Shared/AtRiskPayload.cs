using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Http;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`data` of `GET /predictive/at-risk/{id}` (API.md §4.4): `{items[], pagination, optedOutCount, model}` with the common fields.</summary>
public sealed record AtRiskPayload : AnalyticPayload
{
    public required IReadOnlyList<AtRiskItem> Items { get; init; }

    public required Pagination Pagination { get; init; }

    public int OptedOutCount { get; init; }

    public required AtRiskModel Model { get; init; }
}
