using System.Globalization;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// `Recalculation:*`: when the nightly run fires (cron, UTC), how many subjects one chunk holds and how many parts of a chunk are
/// computed at once, an optional pause after each chunk (demonstrations), and when a run whose heartbeat stopped is taken over.
/// <see cref="Instance"/> names this process in `batch_runs.instance`.
/// </summary>
public sealed record RecalculationSettings(
    string Cron = RecalculationSettings.DefaultCron,
    int ChunkSize = 500,
    int Parallelism = 2,
    int ChunkDelayMilliseconds = 0,
    double AbandonAfterSeconds = 120,
    string Instance = "")
{
    public const string DefaultCron = "0 0 2 * * ?";

    /// <summary>How often a running run writes its heartbeat: well inside the abandon threshold.</summary>
    public TimeSpan HeartbeatInterval => TimeSpan.FromSeconds(Math.Max(0.5, AbandonAfterSeconds / 4));

    public TimeSpan AbandonAfter => TimeSpan.FromSeconds(AbandonAfterSeconds);

    public static string DefaultInstance { get; } =
        string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}");

    public static RecalculationSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Recalculation");
        var defaults = new RecalculationSettings();
        return new RecalculationSettings(
            section.GetValue<string>("Cron") is { Length: > 0 } cron ? cron : DefaultCron,
            Math.Clamp(section.GetValue("ChunkSize", defaults.ChunkSize), 1, 10_000),
            Math.Clamp(section.GetValue("Parallelism", defaults.Parallelism), 1, 16),
            Math.Max(0, section.GetValue("ChunkDelayMilliseconds", defaults.ChunkDelayMilliseconds)),
            Math.Max(1, section.GetValue("AbandonAfterSeconds", defaults.AbandonAfterSeconds)),
            DefaultInstance);
    }
}
