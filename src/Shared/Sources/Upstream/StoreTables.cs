namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>The 29 lrs tables the nine services fill (SOURCES.md §3.3), the same set the demo generator fills.</summary>
public static class StoreTables
{
    public static readonly StoreTable Organisations = new("organisations", "Organisations", Reconciled: false);
    public static readonly StoreTable Departments = new("departments", "Departments");
    public static readonly StoreTable Users = new("users", "Users");
    public static readonly StoreTable UserRoles = new("user_roles", "UserRoles", ReplaceSet: true, Reconciled: false);
    public static readonly StoreTable Skills = new("skills", "Skills", Reconciled: false);
    public static readonly StoreTable SkillPrerequisites = new("skill_prerequisites", "SkillPrerequisites", ReplaceSet: true, Reconciled: false);
    public static readonly StoreTable Courses = new("courses", "Courses");
    public static readonly StoreTable CourseTrainers = new("course_trainers", "CourseTrainers", ReplaceSet: true, Reconciled: false);
    public static readonly StoreTable Topics = new("topics", "Topics", ReplaceSet: true, Reconciled: false);
    public static readonly StoreTable ContentItems = new("content_items", "ContentItems");
    public static readonly StoreTable CourseSkills = new("course_skills", "CourseSkills");
    public static readonly StoreTable TopicSkills = new("topic_skills", "TopicSkills");
    public static readonly StoreTable Assessments = new("assessments", "Assessments");
    public static readonly StoreTable Enrolments = new("enrolments", "Enrolments");
    public static readonly StoreTable SkillTargets = new("skill_targets", "SkillTargets");
    public static readonly StoreTable Kpis = new("kpis", "Kpis");
    public static readonly StoreTable UserSkills = new("user_skills", "UserSkills");
    public static readonly StoreTable LearningPaths = new("learning_paths", "LearningPaths");
    public static readonly StoreTable LearningPathTopics = new("learning_path_topics", "LearningPathTopics", ReplaceSet: true, Reconciled: false);
    public static readonly StoreTable ActivityDays = new("activity_days", "ActivityDays");
    public static readonly StoreTable Sessions = new("sessions", "Sessions");
    public static readonly StoreTable TopicCompletions = new("topic_completions", "TopicCompletions");
    public static readonly StoreTable Submissions = new("submissions", "Submissions");
    public static readonly StoreTable Feedback = new("feedback", "Feedback");
    public static readonly StoreTable PracticeSessions = new("practice_sessions", "PracticeSessions");
    public static readonly StoreTable HelpRequests = new("help_requests", "HelpRequests");
    public static readonly StoreTable MentoringLinks = new("mentoring_links", "MentoringLinks");
    public static readonly StoreTable ContentContributions = new("content_contributions", "ContentContributions");
    public static readonly StoreTable RecommendationsFeed = new("recommendations_feed", "RecommendationsFeed", ReplaceSet: true, Reconciled: false);
}
