namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.course_skills: a skill a course teaches.</summary>
public readonly record struct CourseSkillRecord(string CourseId, string SkillId);
