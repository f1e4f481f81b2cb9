namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>The evidence kinds badges count; each is a list of local days, one per counted fact.</summary>
public static class BadgeEvidence
{
    public const string CourseCompleted = "course-completed";
    public const string SkillAcquired = "skill-acquired";
    public const string PerfectScore = "perfect-score";
    public const string PathCompleted = "path-completed";
    public const string StreakLength = "streak-length";
    public const string Mentee = "mentee";
    public const string Contribution = "contribution";
    public const string AssessmentPassed = "assessment-passed";
    public const string Completionist = "completionist";
}
