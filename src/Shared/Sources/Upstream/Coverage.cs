namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// SOURCES.md §3.6 for one analytic of one organisation: healthy / needed services (1 when nothing is needed or the source is not
/// upstream) and the failing services (`meta.degradedUpstreams`).
/// </summary>
public sealed record Coverage(double Ratio, IReadOnlyList<string> DegradedUpstreams)
{
    public static readonly Coverage Full = new(1, []);

    /// <summary>Below 80 % nothing is recomputed: the last snapshot is kept, and without one a read is 503.</summary>
    public bool AllowsComputation => Ratio >= 0.8;
}
