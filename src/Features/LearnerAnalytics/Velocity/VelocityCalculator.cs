using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.Velocity;

/// <summary>Learning velocity, `velocity@1.0` (ANALYTICS.md §1.1): units per week against a target pace, with momentum.</summary>
public static class VelocityCalculator
{
    public const string DefinitionVersion = "velocity@1.0";

    private static readonly int[] Windows = [7, 30, 90];

    public static VelocityPayload Compute(
        DateOnly asOf,
        IReadOnlyList<VelocityEnrolment> enrolments,
        IReadOnlyList<VelocityUnit> units,
        bool hasLearningPath,
        VelocitySettings settings,
        string window = VelocityQuery.DefaultWindow)
    {
        if (enrolments.Count == 0 && !hasLearningPath)
        {
            return Empty(asOf);
        }

        var completions = units.Select(u => u.FirstCompletedOn).ToArray();
        var pace = TargetPace(asOf, enrolments, units, settings);
        var windows = Windows.ToDictionary(days => days, days => Window(asOf, completions, days, pace.Target, settings));
        var momentum = windows[7].Momentum;
        var v30 = windows[30].UnitsPerWeek;
        var history = Enumerable.Range(0, 12)
            .Select(i => asOf.AddDays(-7 * (11 - i)))
            .Select(day => new VelocityPoint(day, Score(Rate(completions, day, 30), TargetPace(day, enrolments, units, settings).Target)))
            .ToArray();
        var activeNow = enrolments.Any(e => e.IsActiveOn(asOf));
        var selected = window switch
        {
            "7d" => windows[7],
            "90d" => windows[90],
            _ => windows[30],
        };

        return new VelocityPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            CurrentVelocity = selected.Score,
            Momentum = momentum,
            Trend = TrendOf(momentum),
            TimeWindows = windows.ToDictionary(p => Key(p.Key), p => (VelocityWindow?)new VelocityWindow(p.Value.Score, p.Value.Momentum)),
            VelocityHistory = history,
            UnitsPerWeek = windows.ToDictionary(p => Key(p.Key), p => (double?)Numbers.Round(p.Value.UnitsPerWeek, 2)),
            TargetUnitsPerWeek = Numbers.Round(pace.Target, 2),
            RemainingUnits = pace.Remaining,
            Stalled = activeNow && Count(completions, asOf.AddDays(-6), asOf) == 0,
            EstimatedCompletion = v30 > 0 ? asOf.AddDays((int)Math.Ceiling(Numbers.Exact(pace.Remaining / v30)) * 7) : null,
        };
    }

    private static VelocityPayload Empty(DateOnly asOf) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        DataStatus = DataStatuses.NoData,
        TimeWindows = Windows.ToDictionary(Key, _ => (VelocityWindow?)null),
        VelocityHistory = [],
        UnitsPerWeek = Windows.ToDictionary(Key, _ => (double?)null),
    };

    private static string Key(int days) => $"{days}d";

    private static (double UnitsPerWeek, int Score, string Momentum) Window(
        DateOnly asOf, DateOnly[] completions, int days, double target, VelocitySettings settings)
    {
        var current = Rate(completions, asOf, days);
        var previous = Rate(completions, asOf.AddDays(-days), days);
        return (current, Score(current, target), MomentumOf(current, previous, settings.MomentumBand));
    }

    /// <summary>v_N = units first completed in the last N days ending at <paramref name="end"/> × 7 / N.</summary>
    private static double Rate(DateOnly[] completions, DateOnly end, int days) =>
        Count(completions, end.AddDays(-days + 1), end) * 7.0 / days;

    private static int Count(DateOnly[] completions, DateOnly from, DateOnly to) =>
        completions.Count(day => day >= from && day <= to);

    private static int Score(double unitsPerWeek, double target) => Math.Min(100, Numbers.RoundToInt(100 * unitsPerWeek / target));

    private static string MomentumOf(double current, double previous, double band)
    {
        if (previous == 0)
        {
            return current > 0 ? "accelerating" : "steady";
        }

        var change = Numbers.Exact((current - previous) / previous);
        return change > band ? "accelerating" : change < -band ? "slowing" : "steady";
    }

    private static string TrendOf(string momentum) => momentum switch
    {
        "accelerating" => "up",
        "slowing" => "down",
        _ => "stable",
    };

    /// <summary>P = max(min target, Σ over enrolments active on <paramref name="day"/> of p_e), with remaining units as of that day.</summary>
    private static (double Target, int Remaining) TargetPace(
        DateOnly day, IReadOnlyList<VelocityEnrolment> enrolments, IReadOnlyList<VelocityUnit> units, VelocitySettings settings)
    {
        var active = enrolments.Where(e => e.IsActiveOn(day)).ToArray();
        if (active.Length == 0)
        {
            return (settings.DefaultTargetUnitsPerWeek, 0);
        }

        double sum = 0;
        var remainingTotal = 0;
        foreach (var enrolment in active)
        {
            var done = units.Count(u => u.CourseId == enrolment.CourseId && u.FirstCompletedOn <= day);
            var remaining = Math.Max(0, enrolment.TotalUnits - done);
            remainingTotal += remaining;
            if (enrolment.ExpectedEnd is { } end)
            {
                sum += remaining / Math.Max(1, (end.DayNumber - day.DayNumber) / 7.0);
            }
            else if (remaining > 0)
            {
                sum += settings.DefaultTargetUnitsPerWeek;
            }
        }

        return (Math.Max(settings.MinTargetUnitsPerWeek, sum), remainingTotal);
    }
}
