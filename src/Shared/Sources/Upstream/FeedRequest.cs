namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// One page call of a feed: the organisation (null for a platform listing), the page query, the mode and the run's start time
/// (a full reconcile reads daily usage from <see cref="ActivityFrom"/> on).
/// </summary>
public sealed record FeedRequest(string? OrganisationId, PageRequest Page, SyncMode Mode, DateTimeOffset StartedAt)
{
    public DateOnly? ActivityFrom { get; init; }
}
