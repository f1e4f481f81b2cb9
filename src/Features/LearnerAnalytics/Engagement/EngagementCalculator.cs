using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

/// <summary>
/// Engagement score, `engagement@1.0` (ANALYTICS.md §1.3): the score itself comes from <see cref="EngagementScore"/>; this
/// composes the payload around it (time spent, interaction, completion, session frequency, content groups and history).
/// </summary>
public static class EngagementCalculator
{
    public const string DefinitionVersion = "engagement@1.0";

    public const string Increasing = "increasing";
    public const string Decreasing = "decreasing";
    public const string Stable = "stable";

    private const int RateWindowDays = 14;
    private const int PreviousRateWindows = 6;
    private const int HistoryPoints = 12;
    private const int WeeklyBlocks = 12;
    private const int MonthlyBlocks = 6;
    private const int MonthDays = 30;

    private static readonly string[] AllComponents = ["loginFrequency", "sessionDuration", "activity"];
    private static readonly string[] ComponentsWithoutDuration = ["loginFrequency", "activity"];
    private static readonly string[] DurationPaths = ["components.sessionDuration", "timeSpent"];

    public static EngagementPayload Compute(EngagementInputs inputs, EngagementSettings settings, int windowDays = EngagementScore.DefaultWindowDays)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        var asOf = inputs.AsOf;
        var durations = inputs.DurationSource is not null;
        if (inputs.Enrolments.Count == 0 && inputs.Days.Count == 0)
        {
            return Empty(asOf, durations);
        }

        var days = inputs.Days.Select(d => d.ToDay(inputs.DurationSource)).ToArray();
        var score = EngagementScore.Compute(days, asOf, settings, windowDays, durations);
        var history = Enumerable.Range(0, HistoryPoints)
            .Select(i => asOf.AddDays(-7 * (HistoryPoints - 1 - i)))
            .Select(day => new EngagementPoint(day, EngagementScore.Compute(days, day, settings, EngagementScore.DefaultWindowDays, durations).Published))
            .ToArray();

        return new EngagementPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            DataStatus = durations ? DataStatuses.Ok : DataStatuses.Partial,
            ComponentsUsed = durations ? AllComponents : ComponentsWithoutDuration,
            NotAvailable = durations ? [] : DurationPaths,
            OverallEngagement = score.Published,
            Band = score.Band,
            Components = new EngagementComponents(
                Numbers.Round(score.LoginFrequency, 1),
                score.SessionDuration is { } s ? Numbers.Round(s, 1) : null,
                Numbers.Round(score.Activity, 1)),
            TimeSpent = durations ? TimeSpent(days, asOf, inputs.DurationSource!, settings.TrendThreshold) : null,
            InteractionRate = Rate(k => InteractionRatio(inputs, asOf.AddDays(-RateWindowDays * k), k), settings.TrendThreshold),
            CompletionRate = Rate(k => CompletionRatio(inputs.TopicTouches, asOf.AddDays(-RateWindowDays * k), k), settings.TrendThreshold),
            SessionFrequency = SessionFrequency(days, asOf, settings.TrendThreshold),
            ContentEngagement = ContentEngagement(inputs, asOf),
            EngagementHistory = history,
        };
    }

    /// <summary>The trend label of ANALYTICS.md §0.2: relative change beyond ±threshold; from a zero base any rise is increasing.</summary>
    public static string TrendOf(double? current, double? previous, double threshold)
    {
        if (current is not { } cur || previous is not { } prev)
        {
            return Stable;
        }

        if (prev == 0)
        {
            return cur > 0 ? Increasing : Stable;
        }

        var change = Numbers.Exact((cur - prev) / prev);
        return change > threshold ? Increasing : change < -threshold ? Decreasing : Stable;
    }

    private static EngagementPayload Empty(DateOnly asOf, bool durations) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        DataStatus = DataStatuses.NoData,
        ComponentsUsed = [],
        NotAvailable = durations ? [] : DurationPaths,
        Components = new EngagementComponents(null, null, null),
        TimeSpent = durations ? new EngagementTimeSpent(null, null, null) : null,
        InteractionRate = new EngagementRate(null, null, null),
        CompletionRate = new EngagementRate(null, null, null),
        SessionFrequency = new EngagementSessionFrequency(null, null, null, null),
        ContentEngagement = new EngagementContent(null, null, null, null),
        EngagementHistory = [],
    };

    /// <summary>total = Σ minutes of 14 days in hours; average per session, or per active day when minutes come from activity rows.</summary>
    private static EngagementTimeSpent TimeSpent(EngagementDay[] days, DateOnly asOf, string durationSource, double threshold)
    {
        var recent = In(days, asOf.AddDays(-RateWindowDays + 1), asOf).ToArray();
        var minutes = recent.Sum(d => d.Minutes);
        var divisor = durationSource == EngagementDurationSources.Sessions ? recent.Sum(d => d.Sessions) : recent.Count(d => d.IsActive);
        var lastWeek = In(days, asOf.AddDays(-6), asOf).Sum(d => d.Minutes);
        var weekBefore = In(days, asOf.AddDays(-13), asOf.AddDays(-7)).Sum(d => d.Minutes);
        return new EngagementTimeSpent(
            Numbers.Round(minutes / 60, 1),
            divisor > 0 ? Numbers.Round(minutes / 60 / divisor, 2) : null,
            TrendOf(lastWeek, weekBefore, threshold));
    }

    /// <summary>current = the ratio of the last 14 days; average = the mean of the 6 windows before it (null ones skipped).</summary>
    private static EngagementRate Rate(Func<int, double?> ratioOfWindow, double threshold)
    {
        var current = ratioOfWindow(0);
        var previous = Enumerable.Range(1, PreviousRateWindows).Select(ratioOfWindow).OfType<double>().ToArray();
        double? average = previous.Length > 0 ? previous.Average() : null;
        return new EngagementRate(Ratio(current), Ratio(average), TrendOf(current, average, threshold));
    }

    /// <summary>Distinct items with events in the window / items of the courses active at the window's end.</summary>
    private static double? InteractionRatio(EngagementInputs inputs, DateOnly end, int window)
    {
        var active = ActiveCourses(inputs.Enrolments, end);
        var items = active.Sum(e => e.Items);
        if (items == 0)
        {
            return null;
        }

        var courses = active.Select(e => e.CourseId).ToHashSet(StringComparer.Ordinal);
        var touched = inputs.ItemTouches
            .Where(t => t.WindowIndex == window && courses.Contains(t.CourseId))
            .Select(t => t.ItemId)
            .Distinct(StringComparer.Ordinal)
            .Count();
        return Math.Min(1, (double)touched / items);
    }

    /// <summary>The share of the topics touched in the window that were completed by the window's end.</summary>
    private static double? CompletionRatio(IReadOnlyList<EngagementTopicTouch> touches, DateOnly end, int window)
    {
        var touched = touches.Where(t => t.WindowIndex == window).DistinctBy(t => t.TopicId, StringComparer.Ordinal).ToArray();
        return touched.Length == 0 ? null : (double)touched.Count(t => t.FirstCompletedOn <= end) / touched.Length;
    }

    /// <summary>daily = active days / 14; weekly and monthly = the share of 12 seven-day and 6 thirty-day blocks with an active day.</summary>
    private static EngagementSessionFrequency SessionFrequency(EngagementDay[] days, DateOnly asOf, double threshold)
    {
        var active = days.Where(d => d.IsActive).Select(d => d.Day).ToHashSet();
        double ActiveDays(DateOnly from, DateOnly to) => active.Count(d => d >= from && d <= to);
        double Blocks(int count, int length) => Enumerable.Range(0, count)
            .Count(b => ActiveDays(asOf.AddDays((-length * b) - length + 1), asOf.AddDays(-length * b)) > 0) / (double)count;

        var daily = ActiveDays(asOf.AddDays(-RateWindowDays + 1), asOf) / RateWindowDays;
        var previous = ActiveDays(asOf.AddDays((-2 * RateWindowDays) + 1), asOf.AddDays(-RateWindowDays)) / RateWindowDays;
        return new EngagementSessionFrequency(
            Ratio(daily), Ratio(Blocks(WeeklyBlocks, 7)), Ratio(Blocks(MonthlyBlocks, MonthDays)), TrendOf(daily, previous, threshold));
    }

    /// <summary>Per group, distinct items opened in 30 days / items of the active courses; null for a group without items.</summary>
    private static EngagementContent ContentEngagement(EngagementInputs inputs, DateOnly asOf)
    {
        var active = ActiveCourses(inputs.Enrolments, asOf);
        var courses = active.Select(e => e.CourseId).ToHashSet(StringComparer.Ordinal);
        var opened = inputs.ItemTouches
            .Where(t => t.OpenedInLast30Days && courses.Contains(t.CourseId))
            .DistinctBy(t => t.ItemId, StringComparer.Ordinal)
            .ToArray();
        double? Share(Func<EngagementEnrolment, int> items, params string[] types)
        {
            var total = active.Sum(items);
            return total == 0 ? null : Ratio(Math.Min(1, (double)opened.Count(t => types.Contains(t.Type)) / total));
        }

        return new EngagementContent(
            Share(e => e.Videos, "video"),
            Share(e => e.Quizzes, "quiz", "interactive"),
            Share(e => e.Readings, "article", "resource"),
            Share(e => e.Discussions, "forum"));
    }

    private static EngagementEnrolment[] ActiveCourses(IReadOnlyList<EngagementEnrolment> enrolments, DateOnly day) =>
        enrolments.Where(e => e.IsActiveOn(day)).DistinctBy(e => e.CourseId, StringComparer.Ordinal).ToArray();

    private static IEnumerable<EngagementDay> In(EngagementDay[] days, DateOnly from, DateOnly to) =>
        days.Where(d => d.Day >= from && d.Day <= to);

    private static double? Ratio(double? value) => value is { } v ? Numbers.Round(v, 3) : null;
}
