namespace Analytics.Api.Features.Operations.Capabilities;

/// <summary>One (role, analytic) pair: `available`, `partial` (usable kinds missing) or `unavailable` (required kinds missing).</summary>
public sealed record AnalyticCapability(string Role, string Analytic, string Status, IReadOnlyList<string> Missing);
