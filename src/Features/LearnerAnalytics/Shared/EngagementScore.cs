namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>
/// The engagement score of ANALYTICS.md §1.3 over daily inputs, pure and shared: the engagement analytic uses it for the learner
/// (all courses) and its history; a registration-level evaluation (OULAD checks C2/C2b, drop-off features) passes one course's days.
/// </summary>
public static class EngagementScore
{
    public const int DefaultWindowDays = 14;

    /// <summary>
    /// Scores the last <paramref name="windowDays"/> days ending at <paramref name="asOf"/>: the newest ceil(N/2) days weigh 2, the
    /// rest 1, and each weekly target is scaled by Σw/7 (3 "weeks" for N = 14). Days after asOf are ignored. Without a duration
    /// source S is dropped and the remaining weights are renormalised.
    /// </summary>
    public static EngagementScoreResult Compute(
        IEnumerable<EngagementDay> days,
        DateOnly asOf,
        EngagementSettings settings,
        int windowDays = DefaultWindowDays,
        bool durationsAvailable = true)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);

        var from = asOf.AddDays(-windowDays + 1);
        var heavy = (windowDays + 1) / 2;
        double weightSum = windowDays + heavy;
        double active = 0, minutes = 0, units = 0;
        var activeDays = new HashSet<DateOnly>();
        foreach (var day in days)
        {
            if (day.Day < from || day.Day > asOf)
            {
                continue;
            }

            var w = asOf.DayNumber - day.Day.DayNumber < heavy ? 2 : 1;
            minutes += w * day.Minutes;
            units += w * (day.Events + (settings.MilestoneWeight * day.Milestones));
            // A day listed twice (one row per course, say) adds its events and minutes but is active once.
            if (day.IsActive && activeDays.Add(day.Day))
            {
                active += w;
            }
        }

        var weeks = weightSum / 7;
        var login = Component(active, weeks * settings.TargetActiveDaysPerWeek);
        double? duration = durationsAvailable ? Component(minutes, weeks * settings.TargetMinutesPerWeek) : null;
        var activity = Component(units, weeks * settings.TargetUnitsPerWeek);

        var weighted = (settings.LoginFrequencyWeight * login) + (settings.ActivityWeight * activity);
        var weights = settings.LoginFrequencyWeight + settings.ActivityWeight;
        if (duration is { } s)
        {
            weighted += settings.SessionDurationWeight * s;
            weights += settings.SessionDurationWeight;
        }

        var overall = weights > 0 ? Math.Clamp(weighted / weights, 0, 100) : 0;
        return new EngagementScoreResult(login, duration, activity, overall);
    }

    private static double Component(double value, double target) => target > 0 ? 100 * Math.Min(1, value / target) : 0;
}
