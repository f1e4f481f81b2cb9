namespace Analytics.Tests.Security;

/// <summary>
/// What one run of the access matrix found: routes with a subject parameter the oracle does not know, and every case whose
/// answer differs from the oracle's. The runner asserts nothing, so the rule-removal tests can expect mismatches.
/// </summary>
public sealed record MatrixResult(
    IReadOnlyList<string> UnknownRoutes,
    IReadOnlyList<string> Mismatches,
    int Requests,
    IReadOnlySet<string> RoutesCovered,
    IReadOnlyDictionary<AccessExpectation, int> Expected);
