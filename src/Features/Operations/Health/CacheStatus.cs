namespace Analytics.Api.Features.Operations.Health;

public sealed record CacheStatus(string Status, string Kind);
