namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.user_roles (a replace-set per user).</summary>
public readonly record struct UserRoleRecord(string UserId, string Role);
