namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A user without generated learning data: a trainer, or a fixed user who is not a learner.</summary>
public sealed record StaffPlan(string Id, int Organisation, string? DepartmentId, string Email, string DisplayName, IReadOnlyList<string> Roles);
