namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>The `rule` values of `gamification.point_events` and the points of ANALYTICS.md §6.1.</summary>
public static class PointRules
{
    public const string CourseCompleted = "course-completed";
    public const string SkillAcquired = "skill-acquired";
    public const string AssessmentScored = "assessment-scored";
    public const string PracticePassed = "practice-passed";
    public const string StreakDay = "streak-day";

    public const int StreakDayPoints = 10;

    /// <summary>Within one instant (or among the date-only facts of a day) the order is fixed, so a re-run cuts the same event.</summary>
    public static int Order(string rule) => rule switch
    {
        CourseCompleted => 0,
        AssessmentScored => 1,
        SkillAcquired => 2,
        PracticePassed => 3,
        _ => 4,
    };
}
