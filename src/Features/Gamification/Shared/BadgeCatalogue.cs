namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>
/// The badge families of ANALYTICS.md §6.2 (tiers are lower bounds). Mentor and Contributor tiers have no names in the spec: they are
/// numbered I–III here. The milestones carry no category there and are filed under skill_mastery.
/// </summary>
public static class BadgeCatalogue
{
    public const string SkillMastery = "skill_mastery";
    public const string Consistency = "consistency";
    public const string Collaboration = "collaboration";
    public const string Innovation = "innovation";

    public static readonly IReadOnlyList<string> Categories = [SkillMastery, Consistency, Collaboration, Innovation];

    public static readonly IReadOnlyList<BadgeDefinition> All =
    [
        .. Family("course-master", "Course Master", SkillMastery, BadgeEvidence.CourseCompleted, "completed courses",
            ("Bronze", 1), ("Silver", 6), ("Gold", 16), ("Platinum", 31)),
        .. Family("skill-champion", "Skill Champion", SkillMastery, BadgeEvidence.SkillAcquired, "acquired skills",
            ("Apprentice", 1), ("Expert", 11), ("Master", 26), ("Grandmaster", 51)),
        .. Family("top-performer", "Top Performer", SkillMastery, BadgeEvidence.PerfectScore, "scores of 100",
            ("Achiever", 1), ("Perfectionist", 3), ("Flawless", 5), ("Legendary", 10)),
        .. Family("path-pioneer", "Path Pioneer", SkillMastery, BadgeEvidence.PathCompleted, "completed learning paths",
            ("Explorer", 1), ("Navigator", 2), ("Trailblazer", 3), ("Pathfinder", 5)),
        .. Family("streak", "Streak", Consistency, BadgeEvidence.StreakLength, "days of your longest streak",
            ("Week Warrior", 7), ("Month Master", 30), ("Quarter Champion", 90), ("Year Legend", 365)),
        .. Family("mentor", "Mentor", Collaboration, BadgeEvidence.Mentee, "mentees", ("I", 1), ("II", 5), ("III", 10)),
        .. Family("contributor", "Contributor", Collaboration, BadgeEvidence.Contribution, "content contributions", ("I", 1), ("II", 5), ("III", 20)),
        new("skill-builder", "Skill Builder", 1, "Skill Builder", "Acquire 5 skills", SkillMastery, BadgeEvidence.SkillAcquired, 5),
        new("assessment-ace", "Assessment Ace", 1, "Assessment Ace", "Pass 10 assessments", SkillMastery, BadgeEvidence.AssessmentPassed, 10),
        new("completionist", "Completionist", 1, "Completionist", "Complete every one of at least 3 enrolments", SkillMastery,
            BadgeEvidence.Completionist, 1),
    ];

    private static IEnumerable<BadgeDefinition> Family(
        string id, string family, string category, string evidence, string counted, params (string Name, int Threshold)[] tiers) =>
        tiers.Select((tier, index) => new BadgeDefinition(
            $"{id}-{tier.Name.ToLowerInvariant().Replace(' ', '-')}",
            family,
            index + 1,
            family == "Streak" ? tier.Name : $"{family} {tier.Name}",
            $"Reach {tier.Threshold} {counted}",
            category,
            evidence,
            tier.Threshold));
}
