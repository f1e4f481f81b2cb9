namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>`Analytics:Gamification:*` and `Analytics:Streak:*` with the defaults of ANALYTICS.md §6 and DATA_MODEL.md §4.</summary>
public sealed record GamificationSettings(int DailyCap = 1000, int AwardWindowDays = 35, int MaxFreezes = 3, int MinMinutes = 5)
{
    public LevelTable Levels { get; init; } = LevelTable.Default;

    public static GamificationSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Analytics:Gamification");
        var streak = configuration.GetSection("Analytics:Streak");
        var defaults = new GamificationSettings();
        return new GamificationSettings(
            section.GetValue("DailyCap", defaults.DailyCap),
            section.GetValue("AwardWindowDays", defaults.AwardWindowDays),
            streak.GetValue("MaxFreezes", defaults.MaxFreezes),
            streak.GetValue("MinMinutes", defaults.MinMinutes))
        {
            Levels = LevelTable.From(section.GetSection("Levels")),
        };
    }
}
