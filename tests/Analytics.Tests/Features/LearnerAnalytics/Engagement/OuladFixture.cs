using System.Globalization;
using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Tests.Shared.Database;

namespace Analytics.Tests.Features.LearnerAnalytics.Engagement;

/// <summary>
/// The OULAD AAA 2013J fixture (../shared/data/oulad-AAA-2013J) read straight from its CSV files into per-registration engagement
/// days, as SOURCES.md §4.2 maps them: day offset d is <see cref="DayZero"/> + d, duplicate studentVle rows are summed into one
/// day's events, each non-banked submission is a milestone on its day, and OULAD has no sessions or minutes.
/// </summary>
internal static class OuladFixture
{
    /// <summary>Any date works as day 0: the fixture checks depend only on offsets.</summary>
    public static readonly DateOnly DayZero = new(2013, 10, 1);

    private static readonly Lazy<IReadOnlyDictionary<string, Registration>> Loaded = new(Load);

    public static string Folder => RepositoryRoot.SharedData("oulad-AAA-2013J");

    /// <summary>Every registration of the fixture by id_student (one presentation, so the student id is the registration).</summary>
    public static IReadOnlyDictionary<string, Registration> Registrations => Loaded.Value;

    /// <summary>The date of day offset <paramref name="offset"/> (asOf = day 27 for the cutoff c = 28).</summary>
    public static DateOnly Day(int offset) => DayZero.AddDays(offset);

    private static Dictionary<string, Registration> Load()
    {
        var clicks = new Dictionary<(string Student, int Day), int>();
        foreach (var row in Rows("studentVle.csv"))
        {
            var key = (row("id_student"), Int(row("date")));
            clicks[key] = clicks.GetValueOrDefault(key) + Int(row("sum_click"));
        }

        var submissions = new Dictionary<(string Student, int Day), int>();
        foreach (var row in Rows("studentAssessment.csv").Where(r => r("is_banked") != "1"))
        {
            var key = (row("id_student"), Int(row("date_submitted")));
            submissions[key] = submissions.GetValueOrDefault(key) + 1;
        }

        var days = clicks.Keys.Concat(submissions.Keys).Distinct()
            .GroupBy(k => k.Student, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<EngagementDay>)g.Select(k => new EngagementDay(
                    Day(k.Day), clicks.GetValueOrDefault(k), submissions.GetValueOrDefault(k))).OrderBy(d => d.Day).ToArray(),
                StringComparer.Ordinal);

        return Rows("studentInfo.csv").ToDictionary(
            r => r("id_student"),
            r => new Registration(r("id_student"), r("final_result"), days.GetValueOrDefault(r("id_student")) ?? []),
            StringComparer.Ordinal);
    }

    /// <summary>The rows of one fixture file as cells looked up by column name (the files hold no quoted fields).</summary>
    private static IEnumerable<Func<string, string>> Rows(string file)
    {
        using var reader = new StreamReader(Path.Combine(Folder, file));
        var header = reader.ReadLine()!.Split(',').Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                var cells = line.Split(',');
                yield return column => cells[header[column]];
            }
        }
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>One registration: its final result (read only to group the checks) and its engagement days.</summary>
    internal sealed record Registration(string Student, string FinalResult, IReadOnlyList<EngagementDay> Days);
}
