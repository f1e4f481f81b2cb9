namespace Analytics.Api.Features.Predictive.DropOffRisk;

/// <summary>
/// The cohort medians of one enrolment's factors (ANALYTICS.md §5.1): which cohort gave them (`course-week` or `org-week`, the
/// first with ≥ k learners) and the medians of E, the rule's two conditions (0/1) and clicksWeek1 (events).
/// </summary>
public sealed record DropOffPeerMedians(string Cohort, double? Engagement, double VelocityDecline, double NoProgress, double ClicksWeek1)
{
    public double? Of(string factor) => factor switch
    {
        "engagement" => Engagement,
        "velocityDecline" => VelocityDecline,
        "noProgress7d" => NoProgress,
        "clicksWeek1" => ClicksWeek1,
        _ => null,
    };

    /// <summary>The medians of a group with at least k distinct learners, else null.</summary>
    public static DropOffPeerMedians? Of(string cohort, IReadOnlyList<DropOffPeerRow> rows, double declineShare, int minGroupSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Select(r => r.UserId).Distinct(StringComparer.Ordinal).Count() < minGroupSize)
        {
            return null;
        }

        var engagement = rows.Where(r => r.Engagement is not null).Select(r => (double)r.Engagement!.Value).ToArray();
        return new DropOffPeerMedians(
            cohort,
            engagement.Length >= minGroupSize ? Median(engagement) : null,
            Median(rows.Select(r => r.UnitsPrevious7 > 0 && Math.Round((r.UnitsPrevious7 - r.UnitsLast7) / (double)r.UnitsPrevious7, 9) > declineShare ? 1.0 : 0.0).ToArray()),
            Median(rows.Select(r => r.Progressed ? 0.0 : 1.0).ToArray()),
            Median(rows.Select(r => (double)r.ClicksWeek1).ToArray()));
    }

    /// <summary>ANALYTICS.md §0.2: the mean of the two middle values when n is even.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }
}
