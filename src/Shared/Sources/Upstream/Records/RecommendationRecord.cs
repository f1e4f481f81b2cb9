namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>
/// A row of lrs.recommendations_feed (DATA_MODEL.md §1.5) from Learner AI: a replace-set per user among the rows of provider
/// `learner-ai` (the `rules` rows are this service's own).
/// </summary>
public readonly record struct RecommendationRecord(
    string UserId,
    string ItemType,
    string ItemId,
    string Reason,
    decimal? Score,
    string Provider,
    DateTimeOffset GeneratedAt);
