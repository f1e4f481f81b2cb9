namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// The drop-off feature set `dropoff-features@1` (ANALYTICS.md §5.1), in vector order. A missing value is NaN: the trainer
/// replaces it with the training median, and the flags (<c>hasScore</c>, <c>hasRegistrationDate</c>) say it was missing.
/// The engagement score (#3 at c − 1) is not among them: it is an analytic of its own with its own windows, so replaying it at
/// every training cutoff is left to the rule, which reads the published value.
/// </summary>
public static class DropOffFeatures
{
    public const string FeatureSet = "dropoff-features@1";

    public const int Count = 26;

    public static readonly IReadOnlyList<string> Names =
    [
        "weekOfCourse", "clicksWeek1", "clicksWeek2", "clicksWeek3", "clicksWeek4", "clicksTotal", "clicksPreStart",
        "activeDays", "activeDays14", "daysSinceLastActivity", "distinctItems", "assessmentsDue", "missingSubmissions",
        "lateSubmissions", "submissions", "meanScore", "hasScore", "weightedScore", "dueNext14", "registrationLeadDays",
        "hasRegistrationDate", "previousAttempts", "studiedCredits", "velocityDecline", "noProgress7d", "courseLengthDays",
    ];

    /// <summary>Shares of the earlier week's units the last week must fall below to count as a decline (DropOff:Rule:DeclineShare).</summary>
    public const double DeclineShare = 0.20;
}
