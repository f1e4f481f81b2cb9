namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>One pass's state as coverage reads it.</summary>
public sealed record CoverageState(string Entity, string Scope, DateTimeOffset? LastSuccessAt, int ConsecutiveFailures);
