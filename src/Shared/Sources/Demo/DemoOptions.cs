using System.Globalization;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>Generator parameters (SOURCES.md §2.1); presets fill the defaults, and every other property overrides its preset value.</summary>
public sealed record DemoOptions
{
    public const string DefaultPreset = DemoPreset.SmallName;
    public const ulong DefaultSeed = 42;

    public string Preset { get; init; } = DefaultPreset;
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>The last generated day (asOf of the demo organisations); null means today (UTC) when the run starts.</summary>
    public DateOnly? EndDate { get; init; }

    public bool Replace { get; init; }
    public int? Organisations { get; init; }
    public int? DepartmentsMin { get; init; }
    public int? DepartmentsMax { get; init; }
    public int? Learners { get; init; }
    public int? Trainers { get; init; }
    public int? Courses { get; init; }
    public int? Days { get; init; }
    public int? Skills { get; init; }
    public double? ActivityScale { get; init; }

    /// <summary>Parses the arguments after the verb <c>generate</c>; <c>--name value</c> and <c>--name=value</c> are both accepted.</summary>
    /// <exception cref="ArgumentException">An unknown option, a missing or malformed value, or a value out of range.</exception>
    public static DemoOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new DemoOptions();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new ArgumentException($"generate: unexpected argument '{arg}'; options start with -- (see SOURCES.md §2.1).", nameof(args));
            }

            var name = arg[2..];
            string? inlineValue = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"generate: --{name} is given twice.", nameof(args));
            }

            if (name == "replace")
            {
                if (inlineValue is not null)
                {
                    throw new ArgumentException("generate: --replace takes no value.", nameof(args));
                }

                options = options with { Replace = true };
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
                throw new ArgumentException($"generate: --{name} needs a value.", nameof(args));
            }

            options = Apply(options, name, value);
        }

        return options;
    }

    /// <summary>Reads <c>Sources:Demo:*</c> (Preset default small, Seed 42, EndDate default today UTC, the other keys as the options).</summary>
    public static DemoOptions FromConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new DemoOptions();
        foreach (var (key, name) in ConfigurationKeys)
        {
            var value = section[key];
            if (!string.IsNullOrWhiteSpace(value))
            {
                options = name == "replace"
                    ? options with { Replace = ParseBool(key, value) }
                    : Apply(options, name, value.Trim());
            }
        }

        return options;
    }

    /// <summary>The effective parameters: the preset with the overrides applied, checked against the fixed demo organisation's needs.</summary>
    public DemoSettings Resolve(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var preset = DemoPreset.Find(Preset)
            ?? throw new ArgumentException($"generate: unknown preset '{Preset}'; use tiny, small or scale.");
        var settings = new DemoSettings(
            preset.Name,
            Seed,
            EndDate ?? DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime),
            Organisations ?? preset.Organisations,
            DepartmentsMin ?? preset.DepartmentsMin,
            DepartmentsMax ?? preset.DepartmentsMax,
            Learners ?? preset.Learners,
            Trainers ?? preset.Trainers,
            Courses ?? preset.Courses,
            Days ?? preset.Days,
            Skills ?? preset.Skills,
            ActivityScale ?? preset.ActivityScale,
            preset.MaxSessionsPerDay,
            Replace);
        settings.Validate();
        return settings;
    }

    private static readonly (string Key, string Name)[] ConfigurationKeys =
    [
        ("Preset", "preset"), ("Seed", "seed"), ("EndDate", "end-date"), ("Organisations", "organisations"),
        ("Departments", "departments"), ("Learners", "learners"), ("Trainers", "trainers"), ("Courses", "courses"),
        ("Days", "days"), ("Skills", "skills"), ("ActivityScale", "activity-scale"), ("Replace", "replace"),
    ];

    private static DemoOptions Apply(DemoOptions options, string name, string value) => name switch
    {
        "preset" => DemoPreset.Find(value) is { } preset
            ? options with { Preset = preset.Name }
            : throw new ArgumentException($"generate: unknown preset '{value}'; use tiny, small or scale."),
        "seed" => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? options with { Seed = seed }
            : throw new ArgumentException($"generate: --seed must be a non-negative integer, not '{value}'."),
        "end-date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            && end.Year >= 2000
            ? options with { EndDate = end }
            : throw new ArgumentException($"generate: --end-date must be a date YYYY-MM-DD from 2000 on, not '{value}'."),
        "organisations" => options with { Organisations = ParseCount(name, value, 1, 999) },
        "departments" => ParseRange(options, value),
        "learners" => options with { Learners = ParseCount(name, value, 1, 999_999) },
        "trainers" => options with { Trainers = ParseCount(name, value, 1, 9_999) },
        "courses" => options with { Courses = ParseCount(name, value, 1, 9_999) },
        "days" => options with { Days = ParseCount(name, value, 28, 3_650) },
        "skills" => options with { Skills = ParseCount(name, value, 12, 999) },
        "activity-scale" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale)
            && scale > 0 && scale <= 10 && double.IsFinite(scale)
            ? options with { ActivityScale = scale }
            : throw new ArgumentException($"generate: --activity-scale must be a number in (0, 10], not '{value}'."),
        _ => throw new ArgumentException($"generate: unknown option --{name} (see SOURCES.md §2.1)."),
    };

    private static int ParseCount(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"generate: --{name} must be an integer from {min} to {max}, not '{value}'.");

    private static DemoOptions ParseRange(DemoOptions options, string value)
    {
        var parts = value.Split('-');
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && min >= 1 && max >= min && max <= 99)
        {
            return options with { DepartmentsMin = min, DepartmentsMax = max };
        }

        throw new ArgumentException($"generate: --departments must be MIN-MAX with 1 <= MIN <= MAX <= 99, not '{value}'.");
    }

    private static bool ParseBool(string key, string value) =>
        bool.TryParse(value, out var b) ? b : throw new ArgumentException($"Sources:Demo:{key} must be true or false, not '{value}'.");
}
