namespace Analytics.Api.Features.Operations.Root;

public sealed record ServiceIndex(string Name, string Version, string Docs, string Openapi, string Health);
