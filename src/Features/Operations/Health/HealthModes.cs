namespace Analytics.Api.Features.Operations.Health;

public sealed record HealthModes(string SourceMode, string AuthMode);
