using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// A cohort learner's engagement (#3, ANALYTICS.md §1.3) and drop-off risk under the transparent rule (§5.1 A), the two
/// learner inputs of course health (#8), course performance (#7) and the distribution's at-risk count (#9).
/// </summary>
public static class CohortSignalCalculator
{
    /// <summary>Σw over the 14-day window is 21: the targets are per week, so the window holds 3 weeks of them.</summary>
    private const double WindowWeeks = 3;

    /// <summary>The lowest integer risk of level High (High 60–80, Critical above 80).</summary>
    private const int HighRisk = 60;

    /// <summary>overall = round((0.35·L + 0.25·S + 0.40·V) / Σ weights of the available components); S drops out without durations.</summary>
    public static int Engagement(CohortSignal signal, CohortSettings settings)
    {
        var login = 100 * Math.Min(1, signal.WeightedActiveDays / (WindowWeeks * settings.TargetActiveDaysPerWeek));
        var activity = 100 * Math.Min(1, signal.WeightedUnits / (WindowWeeks * settings.TargetUnitsPerWeek));
        var sum = (settings.LoginFrequencyWeight * login) + (settings.ActivityWeight * activity);
        var weights = settings.LoginFrequencyWeight + settings.ActivityWeight;
        if (signal.WeightedMinutes is { } minutes)
        {
            sum += settings.SessionDurationWeight * 100 * Math.Min(1, minutes / (WindowWeeks * settings.TargetMinutesPerWeek));
            weights += settings.SessionDurationWeight;
        }

        return Numbers.RoundToInt(sum / weights);
    }

    /// <summary>risk = min(100, 40·[E &lt; 50] + 30·[velocity decline] + 30·[no progress in 7 days]) on the published engagement.</summary>
    public static int Risk(CohortSignal signal, int engagement, CohortSettings settings)
    {
        var decline = signal.UnitsPrevious7 > 0
                      && Numbers.Exact((signal.UnitsPrevious7 - signal.UnitsLast7) / (double)signal.UnitsPrevious7) > settings.DeclineShare;
        var risk = (engagement < settings.LowEngagement ? settings.LowEngagementPoints : 0)
                   + (decline ? settings.DeclinePoints : 0)
                   + (signal.ProgressLast7 ? 0 : settings.NoProgressPoints);
        return Math.Min(100, risk);
    }

    public static bool IsHighOrCritical(int risk) => risk >= HighRisk;

    /// <summary>Scored learners (not opted out, at least 7 days into the course) whose rule level is High or Critical.</summary>
    public static int AtRiskCount(IEnumerable<CohortSignal> signals, CohortSettings settings) =>
        signals.Count(s => s.Scored && IsHighOrCritical(Risk(s, Engagement(s, settings), settings)));
}
