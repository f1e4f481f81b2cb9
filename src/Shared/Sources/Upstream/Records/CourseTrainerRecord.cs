namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.course_trainers (a replace-set per course).</summary>
public readonly record struct CourseTrainerRecord(string CourseId, string UserId);
