namespace Analytics.Api.Features.Operations.Health;

/// <summary>The health body of API.md §4.10.</summary>
public sealed record HealthReport(
    string Status,
    DateTimeOffset Timestamp,
    string Version,
    long UptimeSeconds,
    HealthModes Mode,
    HealthServices Services);
