using Analytics.Api.Features.Comparison.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>The computed payload and what was withheld from it (`meta.suppression`), or null.</summary>
public sealed record PeerComparisonResult(PeerComparisonPayload Payload, SuppressionInfo? Suppression);
