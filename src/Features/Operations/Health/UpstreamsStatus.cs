namespace Analytics.Api.Features.Operations.Health;

public sealed record UpstreamsStatus(string Status, IReadOnlyList<string> Open);
