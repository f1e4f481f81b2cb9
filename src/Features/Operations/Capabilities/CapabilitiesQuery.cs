using Mediator;

namespace Analytics.Api.Features.Operations.Capabilities;

/// <summary>`GET /capabilities` (API.md §4.0): the caller's organisation and every role the caller holds.</summary>
public sealed record CapabilitiesQuery : IQuery<CapabilitiesResponse>;
