namespace Analytics.Api.Features.Operations.Health;

/// <summary>The latest nightly run as /api/health reports it.</summary>
public sealed record LastNightlyRun(DateTimeOffset? StartedAt, string Status);
