namespace Analytics.Api.Features.Operations.Health;

public sealed record HealthServices(DatabaseStatus Database, CacheStatus Cache, SchedulerStatusReport Scheduler, UpstreamsStatus Upstreams);
