using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// `evaluate dropoff --train LIST --test LIST [--exclude LIST] [--weeks 2,4,8,12] [--target dropout|at-risk|fail|exam-score]
/// [--predictions-out FILE] [--connection CS]` (SOURCES.md §4.3; protocol "OULAD early warning"). Lists are comma-separated
/// `MODULE-PRESENTATION` codes with `*` wildcards (`*-2013J`, `CCC-*`). Without --target the three binary targets are reported.
/// </summary>
public sealed record DropOffEvaluationOptions(
    IReadOnlyList<string> Train,
    IReadOnlyList<string> Test,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<int> Weeks,
    IReadOnlyList<DropOffTarget> Targets,
    string? PredictionsOut,
    string? Connection)
{
    public const string Usage =
        "Usage: evaluate dropoff --train LIST --test LIST [--exclude LIST] [--weeks 2,4,8,12] [--target dropout|at-risk|fail|exam-score] [--predictions-out FILE] [--connection CS]";

    public static DropOffEvaluationOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "dropoff")
        {
            throw new ArgumentException(Usage);
        }

        string[]? train = null, test = null;
        string[] exclude = [];
        int[] weeks = [2, 4, 8, 12];
        DropOffTarget[] targets = [DropOffTarget.Dropout, DropOffTarget.AtRisk, DropOffTarget.Fail];
        string? predictionsOut = null, connection = null;
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"evaluate: {name} needs a value. {Usage}");
            switch (name)
            {
                case "--train": train = Codes(name, value); break;
                case "--test": test = Codes(name, value); break;
                case "--exclude": exclude = Codes(name, value); break;
                case "--weeks": weeks = ParseWeeks(value); break;
                case "--target": targets = [DropOffTargets.Parse(value)]; break;
                case "--predictions-out": predictionsOut = value; break;
                case "--connection": connection = value; break;
                default: throw new ArgumentException($"evaluate: unknown option {name}. {Usage}");
            }
        }

        return new DropOffEvaluationOptions(
            train ?? throw new ArgumentException($"evaluate: --train is required. {Usage}"),
            test ?? throw new ArgumentException($"evaluate: --test is required. {Usage}"),
            exclude, weeks, targets, predictionsOut, connection);
    }

    /// <summary>Whether a `MODULE-PRESENTATION` code is selected by a list (case-sensitive, `*` = any run of characters).</summary>
    public static bool Matches(string code, IReadOnlyList<string> patterns) =>
        patterns.Any(p => Regex.IsMatch(code, "^" + Regex.Escape(p).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant));

    private static string[] Codes(string name, string value)
    {
        var codes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return codes.Length > 0 && codes.All(c => Regex.IsMatch(c, "^[A-Za-z0-9*]+-[A-Za-z0-9*]+$|^\\*$", RegexOptions.CultureInvariant))
            ? codes
            : throw new ArgumentException($"evaluate: {name} takes MODULE-PRESENTATION codes with * wildcards (e.g. *-2013J,CCC-*), not '{value}'.");
    }

    private static int[] ParseWeeks(string value)
    {
        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var weeks = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w is >= 1 and <= 52 ? w : -1).ToArray();
        return weeks.Length > 0 && weeks.All(w => w > 0)
            ? weeks.Distinct().Order().ToArray()
            : throw new ArgumentException($"evaluate: --weeks takes week numbers 1–52 separated by commas, not '{value}'.");
    }
}
