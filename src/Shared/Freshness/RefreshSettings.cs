namespace Analytics.Api.Shared.Freshness;

/// <summary>`Refresh:*`: workers per instance, how often an idle worker looks at the queue, when a silent job is re-queued.</summary>
public sealed record RefreshSettings(int Workers = 2, double PollSeconds = 2, double AbandonAfterSeconds = 120)
{
    public static RefreshSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Refresh");
        var defaults = new RefreshSettings();
        return new RefreshSettings(
            Math.Max(0, section.GetValue("Workers", defaults.Workers)),
            Math.Max(0.05, section.GetValue("PollSeconds", defaults.PollSeconds)),
            Math.Max(5, section.GetValue("AbandonAfterSeconds", defaults.AbandonAfterSeconds)));
    }
}
