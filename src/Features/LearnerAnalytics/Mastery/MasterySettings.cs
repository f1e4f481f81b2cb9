namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

/// <summary>
/// `Analytics:Mastery:*` with the defaults of ANALYTICS.md §1.4: the fallback score, the trend window and the milestones
/// (`Mastery:Milestones:<Name>=<threshold>`, ordered by threshold).
/// </summary>
public sealed record MasterySettings(double ScorePct, int TrendDays, IReadOnlyList<(string Name, double Threshold)> Milestones)
{
    public static readonly IReadOnlyList<(string Name, double Threshold)> DefaultMilestones =
        [("Foundation", 0.25), ("Intermediate", 0.5), ("Advanced", 0.75), ("Expert", 1.0)];

    public MasterySettings()
        : this(80, 30, DefaultMilestones)
    {
    }

    public static MasterySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Analytics:Mastery");
        var defaults = new MasterySettings();
        var milestones = section.GetSection("Milestones").GetChildren()
            .Select(c => (Name: c.Key, Threshold: c.Get<double>()))
            .OrderBy(m => m.Threshold)
            .ToArray();
        return new MasterySettings(
            section.GetValue("ScorePct", defaults.ScorePct),
            section.GetValue("TrendDays", defaults.TrendDays),
            milestones.Length > 0 ? milestones : defaults.Milestones);
    }
}
