namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>With <c>--trainer-per-module</c>: the module's course team teaches each of its presentations.</summary>
public sealed record OuladCourseTrainer(string CourseId, string UserId);
