namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>A topic where withdrawn learners were last active, with the rule-based reasons and their fixed actions.</summary>
public sealed record DropOffPoint(
    string ModuleName,
    double DropOffRate,
    int StudentsDropped,
    string Priority,
    IReadOnlyList<string> LikelyReasons,
    IReadOnlyList<string> RecommendedActions);
