namespace Analytics.Api.Features.Operations.Ping;

public sealed record PingResponse;
