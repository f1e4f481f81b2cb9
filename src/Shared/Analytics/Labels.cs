using System.Globalization;

namespace Analytics.Api.Shared.Analytics;

/// <summary>The text labels ANALYTICS.md §0.1–§0.2 defines once for every analytic: letter grades, quarters and change strings.</summary>
public static class Labels
{
    /// <summary>Letter grade of a 0–1 score (§0.2), judged on the exact value.</summary>
    public static string LetterGrade(double score) => Numbers.Exact(score) switch
    {
        >= 0.97 => "A+",
        >= 0.93 => "A",
        >= 0.90 => "A-",
        >= 0.87 => "B+",
        >= 0.83 => "B",
        >= 0.80 => "B-",
        >= 0.77 => "C+",
        >= 0.73 => "C",
        >= 0.70 => "C-",
        >= 0.60 => "D",
        _ => "F",
    };

    /// <summary>The calendar quarter containing <paramref name="day"/> (§0.1), e.g. `Q1 2025`.</summary>
    public static string Quarter(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"Q{((day.Month - 1) / 3) + 1} {day.Year}");

    /// <summary>A count's change as a string (§0.2): `+15% increase`, `-20% decrease`, `0% no change`; `n/a` when the base is 0.</summary>
    public static string ChangeString(double current, double previous)
    {
        if (previous == 0)
        {
            return "n/a";
        }

        var percent = Numbers.RoundToInt(100 * (current - previous) / previous);
        return percent switch
        {
            > 0 => string.Create(CultureInfo.InvariantCulture, $"+{percent}% increase"),
            < 0 => string.Create(CultureInfo.InvariantCulture, $"{percent}% decrease"),
            _ => "0% no change",
        };
    }
}
