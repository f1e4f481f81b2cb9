using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// The drop-off scorer: the one place that turns an enrolment's history at a cutoff into a risk. No model is served yet, so
/// it is the transparent rule `rule-dropoff@1` of ANALYTICS.md §5.1 A:
/// risk = min(100, 40·[E &lt; 50] + 30·[velocity decline] + 30·[no progress in 7 days]), E being the published integer engagement.
/// A served model replaces <see cref="Score"/> (features from <see cref="DropOffFeatureBuilder"/>, risk = round(100·p),
/// contributions as factors) and <see cref="Card"/> (its card); every caller goes through this class.
/// </summary>
public sealed class DropOffRiskScorer(DropOffRiskSettings settings)
{
    public const string RuleId = "rule-dropoff@1";

    public DropOffRiskSettings Settings => settings;

    /// <summary>Scores the enrolment at cutoff c (rows dated before c only) with the engagement published for c − 1.</summary>
    public DropOffRiskScore Score(DropOffHistory history, DateOnly cutoff, int? engagement)
    {
        ArgumentNullException.ThrowIfNull(history);
        var raised = new List<DropOffRuleCondition>(3);
        if (engagement is { } e && e < settings.LowEngagement)
        {
            raised.Add(new DropOffRuleCondition("engagement", $"Engagement below {settings.LowEngagement}", e, settings.LowEngagementPoints));
        }

        var decline = Decline(history.UnitDays, cutoff);
        if (decline)
        {
            raised.Add(new DropOffRuleCondition("velocityDecline", "Velocity decline over the last 7 days", 1, settings.DeclinePoints));
        }

        var noProgress = !ProgressedLast7Days(history, cutoff);
        if (noProgress)
        {
            raised.Add(new DropOffRuleCondition("noProgress7d", "No progress in the last 7 days", 1, settings.NoProgressPoints));
        }

        return new DropOffRiskScore(Math.Min(100, raised.Sum(r => r.Points)), raised, decline, noProgress);
    }

    /// <summary>The card of this scorer for the organisation, with how many enrolment scorings it made.</summary>
    public DropOffModelCard Card(string? organisationId, int? ruleScorings) => DropOffRiskModelCards.Rule(organisationId, settings, ruleScorings);

    /// <summary>p_7 &gt; 0 and (p_7 − v_7)/p_7 &gt; DeclineShare, on the units completed in [c−7, c−1] and [c−14, c−8] (#1 units).</summary>
    private bool Decline(IReadOnlyList<DateOnly> unitDays, DateOnly cutoff)
    {
        int last = 0, previous = 0;
        foreach (var day in unitDays)
        {
            if (day >= cutoff.AddDays(-7) && day < cutoff)
            {
                last++;
            }
            else if (day >= cutoff.AddDays(-14) && day < cutoff.AddDays(-7))
            {
                previous++;
            }
        }

        return previous > 0 && Numbers.Exact((previous - last) / (double)previous) > settings.DeclineShare;
    }

    /// <summary>A progress event in [c−7, c−1]: course activity with events, a submission to the course, or a unit completed (the noProgress7d feature).</summary>
    private static bool ProgressedLast7Days(DropOffHistory history, DateOnly cutoff)
    {
        var from = cutoff.AddDays(-7);
        for (var i = history.Activity.Count - 1; i >= 0; i--)
        {
            var day = history.Activity[i].Day;
            if (day < from)
            {
                break;
            }

            if (day < cutoff && history.Activity[i].Events > 0)
            {
                return true;
            }
        }

        return history.Submissions.Any(s => s.SubmittedOn >= from && s.SubmittedOn < cutoff)
               || history.UnitDays.Any(d => d >= from && d < cutoff);
    }
}
