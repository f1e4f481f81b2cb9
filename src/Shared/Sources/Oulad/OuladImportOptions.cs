using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Api.Shared.Privacy;

namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>The options of <c>import oulad</c> (SOURCES.md §4.1); the defaults are the importer's defaults that ANALYTICS.md §9 checks use.</summary>
public sealed partial record OuladImportOptions
{
    public const string DefaultOrganisationId = "oulad";
    public const string DefaultOrganisationName = "Open University (OULAD)";

    /// <summary>The folder with the seven OULAD files (studentVle.csv or studentVle.csv.gz).</summary>
    public string Directory { get; init; } = "";

    public string OrganisationId { get; init; } = DefaultOrganisationId;
    public string OrganisationName { get; init; } = DefaultOrganisationName;

    /// <summary>Month and day of day 0 of the "B" presentations (default February 1).</summary>
    public (int Month, int Day) BStart { get; init; } = (2, 1);

    /// <summary>Month and day of day 0 of the "J" presentations (default October 1).</summary>
    public (int Month, int Day) JStart { get; init; } = (10, 1);

    /// <summary>Added to the year of every presentation.</summary>
    public int YearOffset { get; init; }

    /// <summary>Module-presentation patterns (<c>AAA-2013J</c>, <c>CCC-*</c>, <c>*-2014J</c>); empty = every presentation.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Module-presentation patterns left out (applied after <see cref="Include"/>).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary><c>organisations.settings.analysisDate</c>; null = auto: day 0 of the latest imported presentation + 56 days (week 8).</summary>
    public DateOnly? AnalysisDate { get; init; }

    public bool DeriveTopics { get; init; } = true;

    /// <summary>false = <c>--demographics skip</c>: the protected attributes are not stored (credits and previous attempts are).</summary>
    public bool StoreDemographics { get; init; } = true;

    public bool TrainerPerModule { get; init; }
    public OuladImportMode Mode { get; init; } = OuladImportMode.Replace;

    /// <summary><c>--connection</c>: overrides <c>ConnectionStrings:Analytics</c> when set (the host decides).</summary>
    public string? Connection { get; init; }

    /// <summary>Read, aggregate and validate the files; write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// The tombstone check (DATA_MODEL.md §10); without it the import refuses a store that holds tombstones, since it could not
    /// tell whom to leave out.
    /// </summary>
    public ErasureTombstones? Tombstones { get; init; }

    /// <summary><c>id_student</c>s of erased people: every row of theirs is skipped (set by the importer from the tombstones).</summary>
    public IReadOnlySet<int> ErasedStudents { get; init; } = new HashSet<int>();

    /// <summary>
    /// Parses the arguments after <c>import oulad</c>: the folder as the one positional argument or as <c>--dir PATH</c>, and
    /// the options of SOURCES.md §4.1 as <c>--name value</c> or <c>--name=value</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown option, a missing or malformed value, or no folder.</exception>
    public static OuladImportOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new OuladImportOptions();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? directory = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                directory = directory is null
                    ? arg
                    : throw new ArgumentException($"import oulad: unexpected argument '{arg}'; give one folder (see SOURCES.md §4.1).", nameof(args));
                continue;
            }

            var name = arg[2..];
            string? inlineValue = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }

            // The two spellings of one switch count as one option.
            var canonical = name is "no-derive-topics" ? "derive-topics" : name;
            if (!seen.Add(canonical))
            {
                throw new ArgumentException($"import oulad: --{name} is given twice.", nameof(args));
            }

            if (name is "derive-topics" or "no-derive-topics" or "trainer-per-module" or "dry-run")
            {
                if (inlineValue is not null)
                {
                    throw new ArgumentException($"import oulad: --{name} takes no value.", nameof(args));
                }

                options = name switch
                {
                    "derive-topics" => options with { DeriveTopics = true },
                    "no-derive-topics" => options with { DeriveTopics = false },
                    "trainer-per-module" => options with { TrainerPerModule = true },
                    _ => options with { DryRun = true },
                };
                continue;
            }

            string value;
            if (inlineValue is not null)
            {
                value = inlineValue;
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new ArgumentException($"import oulad: --{name} needs a value.", nameof(args));
            }

            if (name == "dir")
            {
                directory = directory is null
                    ? value
                    : throw new ArgumentException("import oulad: give the folder once, either as an argument or as --dir.", nameof(args));
                continue;
            }

            options = Apply(options, name, value);
        }

        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new ArgumentException("import oulad: the folder with the OULAD files is required (import oulad <dir> or --dir <dir>).", nameof(args));
        }

        return options with { Directory = directory };
    }

    /// <summary>The calendar day 0 of a presentation (<c>2013J</c> → October 1, 2013 by default).</summary>
    public DateOnly StartOf(int year, char kind)
    {
        var (month, day) = kind == 'B' ? BStart : JStart;
        return new DateOnly(year + YearOffset, month, day);
    }

    /// <summary>Whether <c>--include</c>/<c>--exclude</c> keep the module-presentation <c>AAA-2013J</c>.</summary>
    public bool Keeps(string module, string presentation)
    {
        var name = module + "-" + presentation;
        return (Include.Count == 0 || Include.Any(p => Matches(p, name))) && !Exclude.Any(p => Matches(p, name));
    }

    private static bool Matches(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static OuladImportOptions Apply(OuladImportOptions options, string name, string value) => name switch
    {
        "organisation-id" => Id().IsMatch(value) && value.Length <= 64
            ? options with { OrganisationId = value }
            : throw new ArgumentException($"import oulad: --organisation-id must be 1–64 characters of A–Z, a–z, 0–9, _ and -, not '{value}'."),
        "organisation-name" => !string.IsNullOrWhiteSpace(value)
            ? options with { OrganisationName = value.Trim() }
            : throw new ArgumentException("import oulad: --organisation-name must not be empty."),
        "b-start" => options with { BStart = ParseMonthDay(name, value) },
        "j-start" => options with { JStart = ParseMonthDay(name, value) },
        "year-offset" => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset) && offset is >= -1000 and <= 1000
            ? options with { YearOffset = offset }
            : throw new ArgumentException($"import oulad: --year-offset must be an integer from -1000 to 1000, not '{value}'."),
        "include" => options with { Include = ParsePatterns(name, value) },
        "exclude" => options with { Exclude = ParsePatterns(name, value) },
        "analysis-date" => value == "auto"
            ? options with { AnalysisDate = null }
            : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1990
                ? options with { AnalysisDate = date }
                : throw new ArgumentException($"import oulad: --analysis-date must be auto or a date YYYY-MM-DD from 1990 on, not '{value}'."),
        "demographics" => value switch
        {
            "store" => options with { StoreDemographics = true },
            "skip" => options with { StoreDemographics = false },
            _ => throw new ArgumentException($"import oulad: --demographics must be store or skip, not '{value}'."),
        },
        "mode" => value switch
        {
            "replace" => options with { Mode = OuladImportMode.Replace },
            "fail-if-present" => options with { Mode = OuladImportMode.FailIfPresent },
            _ => throw new ArgumentException($"import oulad: --mode must be replace or fail-if-present, not '{value}'."),
        },
        "connection" => !string.IsNullOrWhiteSpace(value)
            ? options with { Connection = value }
            : throw new ArgumentException("import oulad: --connection must not be empty."),
        _ => throw new ArgumentException($"import oulad: unknown option --{name} (see SOURCES.md §4.1)."),
    };

    private static (int Month, int Day) ParseMonthDay(string name, string value)
    {
        // February 29 is refused: day 0 must exist in every presentation year.
        if (DateOnly.TryParseExact("2001-" + value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date.Month, date.Day);
        }

        throw new ArgumentException($"import oulad: --{name} must be MM-DD (a day that exists in every year), not '{value}'.");
    }

    private static string[] ParsePatterns(string name, string value)
    {
        var patterns = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (patterns.Length == 0 || patterns.Any(p => !Pattern().IsMatch(p)))
        {
            throw new ArgumentException(
                $"import oulad: --{name} takes a comma-separated list of MODULE-PRESENTATION patterns with * and ? (e.g. CCC-*,*-2014J), not '{value}'.");
        }

        return patterns;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex Id();

    [GeneratedRegex(@"^[A-Za-z0-9*?]+-[A-Za-z0-9*?]+$|^\*$")]
    private static partial Regex Pattern();
}
