namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// A person of the import: a student (<c>oulad-&lt;id_student&gt;</c>, role learner, department = region of the latest registration,
/// created_at = earliest registration) or, with <c>--trainer-per-module</c>, a course team (<c>oulad-trainer-&lt;module&gt;</c>).
/// </summary>
public sealed record OuladUser(string Id, string? DepartmentId, string DisplayName, DateTimeOffset CreatedAt, string Role);
