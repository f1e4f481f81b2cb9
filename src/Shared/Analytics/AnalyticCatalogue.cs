using Analytics.Api.Shared.Auth;

namespace Analytics.Api.Shared.Analytics;

/// <summary>
/// Which analytic ids each role reads (API.md §4.0, §3.3) and what each needs from the sources (SOURCES.md §1.4), in one place:
/// the capabilities endpoint reads it, and analytics use it for `meta.unavailable`.
/// </summary>
public static class AnalyticCatalogue
{
    public const string PeerComparison = "peer-comparison";
    public const string Recommendations = "recommendations";

    public static readonly IReadOnlyDictionary<string, AnalyticRequirement> Requirements = new[]
    {
        new AnalyticRequirement("velocity", ["topic_completions"], ["learning_paths", "practice_sessions"]),
        new AnalyticRequirement("skill-gap", ["user_skills", "skill_targets"], ["topic_skills", "course_skills"]),
        new AnalyticRequirement("engagement", ["activity_days"], ["sessions", "submissions", "practice_sessions", "help_requests"]),
        new AnalyticRequirement("mastery", ["user_skills", "skill_targets"], ["learning_paths", "submissions", "practice_sessions"]),
        new AnalyticRequirement("performance", ["assessments", "submissions"], ["practice_sessions"]),
        new AnalyticRequirement("content-effectiveness", ["content_items", "activity_days", "submissions"], []),
        new AnalyticRequirement("course-performance", ["course_trainers", "enrolments"], ["submissions", "feedback", "activity_days"]),
        new AnalyticRequirement("course-health", ["course_trainers", "enrolments", "topics"], ["topic_completions", "feedback", "activity_days", "submissions"]),
        new AnalyticRequirement("student-distribution", ["course_trainers", "submissions", "enrolments"], []),
        new AnalyticRequirement("teaching-effectiveness", ["course_trainers", "enrolments", "submissions"], ["feedback"]),
        new AnalyticRequirement("learning-velocity", ["topic_completions", "departments"], ["learning_paths"]),
        new AnalyticRequirement("strategic-alignment", ["kpis", "skill_targets", "user_skills"], ["enrolments"]),
        new AnalyticRequirement("learning-culture", ["enrolments", "content_contributions", "mentoring_links"], ["activity_days"]),
        new AnalyticRequirement("org-performance", ["enrolments"], ["user_skills", "kpis", "activity_days", "departments"]),
        new AnalyticRequirement("department-analytics", ["departments", "enrolments", "activity_days"], ["submissions", "user_skills", "skill_targets"]),
        new AnalyticRequirement(PeerComparison, [], []),
        new AnalyticRequirement("skill-demand", ["skills", "course_skills"], ["skill_targets", "topic_skills", "learning_path_topics"]),
        new AnalyticRequirement("drop-off-risk", ["enrolments", "activity_days"], ["submissions", "sessions", "help_requests", "learner_attributes"]),
        new AnalyticRequirement("forecast", ["submissions", "topic_completions"], ["learning_paths", "activity_days"]),
        new AnalyticRequirement(Recommendations, [], ["recommendations_feed"]),
        new AnalyticRequirement("gamification", ["activity_days"], ["submissions", "topic_completions", "practice_sessions", "user_skills"]),
        new AnalyticRequirement("leaderboard", ["activity_days"], ["submissions", "topic_completions", "practice_sessions", "user_skills"]),
    }.ToDictionary(r => r.Analytic);

    /// <summary>Peer comparison needs at least two of these analytics (SOURCES.md §1.4 #15).</summary>
    public static readonly IReadOnlyList<string> PeerComparisonInputs = ["velocity", "engagement", "mastery", "performance"];

    private static readonly string[] EveryFamily = [PeerComparison, "drop-off-risk", "forecast", Recommendations];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByRole = new Dictionary<string, IReadOnlyList<string>>
    {
        [Roles.Learner] =
        [
            "velocity", "skill-gap", "engagement", "mastery", "performance", "content-effectiveness", .. EveryFamily, "gamification",
            "skill-demand", "leaderboard",
        ],
        [Roles.Trainer] =
        [
            "course-performance", "course-health", "student-distribution", "teaching-effectiveness", .. EveryFamily, "gamification",
            "skill-demand", "leaderboard",
        ],
        [Roles.OrgAdmin] =
        [
            "learning-velocity", "strategic-alignment", "learning-culture", "org-performance", "department-analytics", .. EveryFamily,
            "gamification", "skill-demand", "leaderboard",
        ],
        [Roles.PlatformAdmin] = ["skill-demand"],
    };
}
