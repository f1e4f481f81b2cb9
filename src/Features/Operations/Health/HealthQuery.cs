using Mediator;

namespace Analytics.Api.Features.Operations.Health;

/// <summary>`GET /api/health` (API.md §4.10).</summary>
public sealed record HealthQuery : IQuery<HealthReport>;
