namespace Analytics.Api.Features.Comparison.SkillDemand;

/// <summary>
/// What the reader asked to see: the category and skill filters, the row limit, the words for the scope and the timeframe, and
/// the reader's gap skills with whose gaps they are (`learner` | `organisation` | null).
/// </summary>
public sealed record SkillDemandView(
    string? SkillCategory,
    IReadOnlyList<string> SkillIds,
    int Limit,
    string ScopeText,
    string TimeframeText,
    IReadOnlySet<string> ReaderGaps,
    string? GapOwner);
