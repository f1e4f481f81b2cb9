namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>What each feature of `dropoff-features@1` measures, for the model card (ANALYTICS.md §5.1 table).</summary>
public static class DropOffFeatureDescriptions
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["weekOfCourse"] = "Weeks since the course started",
        ["clicksWeek1"] = "Activity in the last 7 days (log of events)",
        ["clicksWeek2"] = "Activity 8–14 days ago (log of events)",
        ["clicksWeek3"] = "Activity 15–21 days ago (log of events)",
        ["clicksWeek4"] = "Activity 22–28 days ago (log of events)",
        ["clicksTotal"] = "Activity since 30 days before the start (log of events)",
        ["clicksPreStart"] = "Activity in the 30 days before the start (log of events)",
        ["activeDays"] = "Days with activity since 30 days before the start",
        ["activeDays14"] = "Days with activity in the last 14 days",
        ["daysSinceLastActivity"] = "Days since the last activity",
        ["distinctItems"] = "Different content items used",
        ["assessmentsDue"] = "Non-exam assessments already due",
        ["missingSubmissions"] = "Due assessments without a submission",
        ["lateSubmissions"] = "Submissions after their due date",
        ["submissions"] = "Submissions so far",
        ["meanScore"] = "Mean score of the submissions so far",
        ["hasScore"] = "Whether any submission has a score",
        ["weightedScore"] = "Sum of score × weight of the submissions so far",
        ["dueNext14"] = "Assessments due in the next 14 days",
        ["registrationLeadDays"] = "Days between registration and the start",
        ["hasRegistrationDate"] = "Whether the registration date is known",
        ["previousAttempts"] = "Earlier attempts at the course",
        ["studiedCredits"] = "Study load (credits, else concurrent enrolments)",
        ["velocityDecline"] = "Progress units fell by more than a fifth week on week",
        ["noProgress7d"] = "No progress event in the last 7 days",
        ["courseLengthDays"] = "Length of the course in days",
    };

    public static string Of(string feature) => Texts.GetValueOrDefault(feature, feature);
}
