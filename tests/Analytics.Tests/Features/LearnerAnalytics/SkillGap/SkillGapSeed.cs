using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.LearnerAnalytics.SkillGap;

/// <summary>Rows of DATA_MODEL.md §1.4 that <see cref="TestStore"/> has no helper for: departments, skills, targets, levels.</summary>
public static class SkillGapSeed
{
    public static Task DepartmentAsync(string id, string organisationId) =>
        TestStore.ExecuteAsync(
            "INSERT INTO lrs.departments (id, organisation_id, name, source) VALUES (@id, @organisationId, @id, 'test')",
            new { id, organisationId });

    public static Task MoveToDepartmentAsync(string userId, string departmentId) =>
        TestStore.ExecuteAsync("UPDATE lrs.users SET department_id = @departmentId WHERE id = @userId", new { userId, departmentId });

    public static Task SkillAsync(string id, string name, string? category) =>
        TestStore.ExecuteAsync(
            "INSERT INTO lrs.skills (id, name, category, source) VALUES (@id, @name, @category, 'test')",
            new { id, name, category });

    public static Task TargetAsync(string organisationId, string? departmentId, string skillId, int requiredLevel, string priority) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.skill_targets (id, organisation_id, department_id, skill_id, required_level, business_priority, source)
            VALUES (@id, @organisationId, @departmentId, @skillId, @requiredLevel, @priority, 'test')
            """,
            new { id = $"{organisationId}-{departmentId ?? "all"}-{skillId}", organisationId, departmentId, skillId, requiredLevel, priority });

    public static Task LevelAsync(string userId, string skillId, int level) =>
        TestStore.ExecuteAsync(
            "INSERT INTO lrs.user_skills (user_id, skill_id, level, acquired, source) VALUES (@userId, @skillId, @level, false, 'test')",
            new { userId, skillId, level });

    /// <summary>Topic <paramref name="topic"/> of a <see cref="TestStore.CourseAsync"/> course teaches the skill.</summary>
    public static Task TopicTeachesAsync(string courseId, int topic, string skillId) =>
        TestStore.ExecuteAsync(
            "INSERT INTO lrs.topic_skills (topic_id, skill_id, source) VALUES (@courseId || '-t' || @topic, @skillId, 'test')",
            new { courseId, topic, skillId });
}
