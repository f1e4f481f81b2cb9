using Analytics.Api.Shared.Auth;

namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// Role families of snapshots and refresh jobs (DATA_MODEL.md §2: the family of the analytic, not the viewer's role) and the
/// analytic ids each family owns (API.md §4.0), with the older names accepted on input.
/// </summary>
public static class RoleFamilies
{
    public const string Learner = Roles.Learner;
    public const string Trainer = Roles.Trainer;
    public const string OrgAdmin = Roles.OrgAdmin;
    public const string Any = "any";

    private static readonly string[] Shared = ["peer-comparison", "drop-off-risk", "forecast", "recommendations"];

    private static readonly Dictionary<string, IReadOnlyList<string>> Ids = new()
    {
        [Learner] = ["velocity", "skill-gap", "engagement", "mastery", "performance", "content-effectiveness", .. Shared, "gamification"],
        [Trainer] = ["course-performance", "course-health", "student-distribution", "teaching-effectiveness", .. Shared],
        [OrgAdmin] = ["learning-velocity", "strategic-alignment", "learning-culture", "org-performance", "department-analytics", .. Shared],
    };

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["learner-velocity"] = "velocity",
        ["learner-skill-gap"] = "skill-gap",
        ["learner-engagement"] = "engagement",
        ["learner-mastery"] = "mastery",
        ["learner-performance"] = "performance",
        ["learner-content-effectiveness"] = "content-effectiveness",
        ["trainer-course-performance"] = "course-performance",
        ["trainer-course-health"] = "course-health",
        ["trainer-student-distribution"] = "student-distribution",
        ["trainer-teaching-effectiveness"] = "teaching-effectiveness",
        ["org-learning-velocity"] = "learning-velocity",
        ["org-strategic-alignment"] = "strategic-alignment",
        ["org-learning-culture"] = "learning-culture",
        ["org-performance"] = "org-performance",
        ["comparison-peer"] = "peer-comparison",
        ["predictive-drop-off-risk"] = "drop-off-risk",
        ["predictive-performance-forecast"] = "forecast",
        ["predictive-recommendations"] = "recommendations",
    };

    /// <summary>The analytic ids a family may refresh, in the order of API.md §4.0.</summary>
    public static IReadOnlyList<string> AnalyticsOf(string family) => Ids.TryGetValue(family, out var ids) ? ids : [];

    /// <summary>The canonical id of <paramref name="id"/> in <paramref name="family"/>, or null when the family has no such analytic.</summary>
    public static string? Canonical(string family, string id)
    {
        var canonical = Aliases.TryGetValue(id, out var alias) ? alias : id;
        return AnalyticsOf(family).Contains(canonical) ? canonical : null;
    }

    /// <summary>The subject type a family's analytics are stored under when the subject is a person or an organisation.</summary>
    public static string SubjectTypeOf(string family) => family switch
    {
        Trainer => "trainer",
        OrgAdmin => "organisation",
        _ => "learner",
    };

    /// <summary>The access-rule area whose scopes decide who may read (and refresh) a family's subjects (API.md §3.3).</summary>
    public static SubjectArea AreaOf(string family) => family switch
    {
        Trainer => SubjectArea.TrainerAnalytics,
        OrgAdmin => SubjectArea.OrganisationAnalytics,
        _ => SubjectArea.LearnerAnalytics,
    };

    /// <summary>The family a subject type belongs to (`meta.subject.type` → snapshot role).</summary>
    public static string FamilyOf(string subjectType) => subjectType switch
    {
        "trainer" or "trainer-cohort" => Trainer,
        "organisation" or "org-cohort" or "department" => OrgAdmin,
        "platform" => Any,
        _ => Learner,
    };
}
