namespace Analytics.Api.Features.Operations.Health;

public sealed record DatabaseStatus(string Status, long? LatencyMs);
