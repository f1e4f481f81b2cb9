namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// The presets of SOURCES.md §2.1. <see cref="ActivityScale"/> and the rate factors are calibrated so that each preset's totals land
/// within 5 % of the table there (activity rows; for <c>scale</c> also the row budget of §2.5).
/// </summary>
public sealed record DemoPreset(
    string Name,
    int Organisations,
    int DepartmentsMin,
    int DepartmentsMax,
    int Learners,
    int Trainers,
    int Courses,
    int Days,
    int Skills,
    double ActivityScale,
    int MaxSessionsPerDay)
{
    public const string TinyName = "tiny";
    public const string SmallName = "small";
    public const string ScaleName = "scale";

    public static DemoPreset Tiny { get; } = new(TinyName, 1, 7, 7, 150, 12, 15, 120, 120, 0.54, 2);

    public static DemoPreset Small { get; } = new(SmallName, 12, 3, 8, 3_000, 80, 100, 365, 120, 0.50, 2);

    // One session per active learner-day at scale (§2.4 "events and time"), so sessions match the 3.0 M budget of §2.5.
    public static DemoPreset Scale { get; } = new(ScaleName, 40, 5, 15, 100_000, 2_000, 1_000, 365, 120, 0.50, 1);

    public static IReadOnlyList<DemoPreset> All { get; } = [Tiny, Small, Scale];

    public static DemoPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
