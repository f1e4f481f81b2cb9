namespace Analytics.Api.Features.OrganisationAnalytics.LearningCulture;

/// <summary>
/// The row of LearningCulture.sql (columns in this order): aggregates over the members of the organisation or department.
/// <see cref="Visible"/> is false and <see cref="Employees"/> null when the group is below k; the counts are then over nobody.
/// </summary>
public sealed record LearningCultureFacts(
    bool Visible,
    int? Employees,
    int ActiveEmployees,
    int ForumEmployees,
    int EmployeesWithMinutes,
    double? MedianWeeklyMinutes,
    int EngagementRated,
    double? EngagementMean,
    int Enrolled,
    int EnrolledVoluntary,
    int Completed,
    int CompletedVoluntary,
    int Completed90,
    int CompletedPrevious90,
    int Completed90WithFeedback,
    int FeedbackLoops,
    int Contributions30,
    bool ContributionsSupplied,
    int MentorshipPairs,
    int ActiveMentors,
    int MentoredEmployees,
    bool MentoringSupplied,
    int HelpRequests,
    int SkillsAcquired,
    int SkillsApplied,
    int SkillAcquirers,
    int CareerSkills);
