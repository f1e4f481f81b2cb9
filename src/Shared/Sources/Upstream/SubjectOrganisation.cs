namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>A subject id and its organisation (null when the store does not hold it).</summary>
public sealed record SubjectOrganisation(string SubjectId, string? OrganisationId);
