namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>The columns of lrs.users the sync owns (leaderboard privacy, predictive opt-out and last login are kept locally).</summary>
public readonly record struct UserRecord(
    string Id,
    string OrganisationId,
    string? DepartmentId,
    string? Email,
    string DisplayName,
    string? TimeZone,
    DateTimeOffset? CreatedAt,
    bool Active);
