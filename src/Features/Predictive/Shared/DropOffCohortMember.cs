namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>A member of a drop-off cohort: id, display name (trainers and org-admins may see it) and predictive opt-out.</summary>
public sealed record DropOffCohortMember(string UserId, string DisplayName, bool OptedOut);
