namespace Analytics.Api.Features.Operations.Health;

public sealed record SchedulerStatusReport(string Status, DateTimeOffset? LastNightlyRunAt, string? LastNightlyStatus, DateTimeOffset? NextNightlyRunAt);
