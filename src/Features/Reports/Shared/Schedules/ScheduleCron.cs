using System.Globalization;
using Quartz;

namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>
/// A schedule's 5-field Unix cron (minute hour day-of-month month day-of-week; `@daily`, `@weekly`, `@monthly`), parsed into its
/// value sets and translated into Quartz's 6-field form (seconds first, `?` in the unrestricted day field, day-of-week 1–7 from
/// Sunday). When both day fields are restricted, Unix fires on either (a day matching one or the other): two Quartz expressions,
/// the earlier occurrence wins. Runs a day = minutes × hours, at most 24 (API.md §4.7).
/// </summary>
public sealed class ScheduleCron
{
    public const int MaxRunsPerDay = 24;

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly IReadOnlyList<string> _quartz;

    private ScheduleCron(SortedSet<int> minutes, SortedSet<int> hours, IReadOnlyList<string> quartz)
    {
        RunsPerDay = minutes.Count * hours.Count;
        _quartz = quartz;
    }

    public int RunsPerDay { get; }

    /// <summary>The Quartz expressions the schedule fires on (one, or two when both day fields are restricted).</summary>
    public IReadOnlyList<string> QuartzExpressions => _quartz;

    public static bool TryParse(string? text, out ScheduleCron? cron)
    {
        cron = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var expression = text.Trim().ToLowerInvariant() switch
        {
            "@daily" or "@midnight" => "0 0 * * *",
            "@weekly" => "0 0 * * 0",
            "@monthly" => "0 0 1 * *",
            var other => other,
        };
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5
            || Expand(fields[0], 0, 59, null) is not { } minutes
            || Expand(fields[1], 0, 23, null) is not { } hours
            || Expand(fields[2], 1, 31, null) is not { } days
            || Expand(fields[3], 1, 12, MonthNames) is not { } months
            || Expand(fields[4], 0, 7, DayNames) is not { } weekdays)
        {
            return false;
        }

        // 7 is Sunday too; Quartz counts 1 (Sunday) to 7 (Saturday).
        var quartzWeekdays = new SortedSet<int>(weekdays.Select(d => (d % 7) + 1));
        var head = $"0 {List(minutes)} {List(hours)}";
        var monthList = List(months);
        var dayRestricted = fields[2] != "*";
        var weekdayRestricted = fields[4] != "*";
        IReadOnlyList<string> quartz = (dayRestricted, weekdayRestricted) switch
        {
            (true, true) => [$"{head} {List(days)} {monthList} ?", $"{head} ? {monthList} {List(quartzWeekdays)}"],
            (false, true) => [$"{head} ? {monthList} {List(quartzWeekdays)}"],
            _ => [$"{head} {List(days)} {monthList} ?"],
        };
        if (!quartz.All(q => CronExpression.TryParse(q, out _)))
        {
            return false;
        }

        cron = new ScheduleCron(minutes, hours, quartz);
        return true;
    }

    /// <summary>The first firing strictly after <paramref name="after"/>, read in <paramref name="timeZone"/>, as UTC; null if none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after, TimeZoneInfo timeZone)
    {
        DateTimeOffset? earliest = null;
        foreach (var text in _quartz)
        {
            var next = new CronExpression(text, timeZone).GetNextValidTimeAfter(after);
            if (next is { } value && (earliest is null || value < earliest))
            {
                earliest = value.ToUniversalTime();
            }
        }

        return earliest;
    }

    private static string List(SortedSet<int> values) => string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A field's values: `*`, `n`, `a-b`, any of them `/step`, comma lists; names where the field has them.</summary>
    private static SortedSet<int>? Expand(string field, int min, int max, string[]? names)
    {
        var values = new SortedSet<int>();
        foreach (var part in field.Split(','))
        {
            var slash = part.Split('/');
            if (slash.Length > 2)
            {
                return null;
            }

            var step = 1;
            if (slash.Length == 2 && (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
            {
                return null;
            }

            int low;
            int high;
            if (slash[0] == "*")
            {
                (low, high) = (min, max);
            }
            else
            {
                var range = slash[0].Split('-');
                if (range.Length > 2 || Value(range[0], names, min) is not { } first)
                {
                    return null;
                }

                low = first;
                high = range.Length == 2 ? Value(range[1], names, min) ?? -1 : slash.Length == 2 ? max : first;
            }

            if (low < min || high > max || low > high)
            {
                return null;
            }

            for (var value = low; value <= high; value += step)
            {
                values.Add(value);
            }
        }

        return values.Count == 0 ? null : values;
    }

    private static int? Value(string text, string[]? names, int min)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var index = names is null ? -1 : Array.IndexOf(names, text.ToUpperInvariant());
        return index < 0 ? null : index + min;
    }
}
