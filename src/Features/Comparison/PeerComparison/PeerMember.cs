namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>
/// One member of a comparison group (a learner, a trainer or an organisation) with its metric values as ratios in the order of
/// the form's metrics (null = no value), and for learners the progress of their active enrolments (Σ progress_pct, count).
/// </summary>
public sealed record PeerMember(string Id, IReadOnlyList<double?> Values, double ProgressTotal = 0, int ProgressEnrolments = 0)
{
    /// <summary>The composite of ANALYTICS.md §4.1: the mean of the available metric values.</summary>
    public double? Composite => CompositeOf(Values);

    public static double? CompositeOf(IReadOnlyList<double?> values)
    {
        var present = values.OfType<double>().ToArray();
        return present.Length == 0 ? null : present.Average();
    }
}
