namespace Analytics.Api.Features.Predictive.Recommendations;

/// <summary>
/// One item a rule produced, before duplicates are merged: the feed item it names (`item_type`, `item_id`), its texts,
/// category, priority (High|Medium|Low), confidence (pct), reason, the analytic it comes from, the provider (`rules` or
/// `learner-ai`), the unopened seconds behind it and the title of its resource (null = none).
/// </summary>
public sealed record RecommendationCandidate(
    string ItemType,
    string ItemId,
    string Title,
    string Description,
    string Category,
    string Priority,
    double? Confidence,
    string Reason,
    string SourceAnalytic,
    string Provider,
    long? Seconds,
    string? ResourceTitle)
{
    public const string Rules = "rules";
    public const string LearnerAi = "learner-ai";

    public string Id => $"{ItemType}-{ItemId}";
}
