namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>A failed call or pass of one service, with a code of <see cref="UpstreamFailure"/>; the message never holds a token.</summary>
public sealed class UpstreamException(UpstreamService service, string code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public UpstreamService Service { get; } = service;

    public string Code { get; } = code;
}
