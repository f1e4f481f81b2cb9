using Mediator;

namespace Analytics.Api.Features.Operations.Status;

/// <summary>`GET /api/status` (API.md §4.10).</summary>
public sealed record StatusQuery : IQuery<StatusReport>;
