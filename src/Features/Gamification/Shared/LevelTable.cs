namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>
/// `Gamification:Levels` (ANALYTICS.md §6.2): L1 Beginner 0, L2 Learner 100, L3 Contributor 300, L4 Expert 600, L5 Master 1000, and from
/// L6 (1500) on one more level every `LegendStep` (500) points, named "Legend".
/// </summary>
public sealed class LevelTable
{
    public static readonly LevelTable Default = new(
        [new("Beginner", 0), new("Learner", 100), new("Contributor", 300), new("Expert", 600), new("Master", 1000), new("Legend", 1500)], 500);

    private readonly LevelThreshold[] _levels;
    private readonly long _step;

    public LevelTable(IReadOnlyList<LevelThreshold> levels, long step)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count == 0 || levels[0].Start != 0 || step <= 0)
        {
            throw new ArgumentException("Levels start at 0 and the step beyond the last one is positive.", nameof(levels));
        }

        _levels = [.. levels.OrderBy(l => l.Start)];
        _step = step;
    }

    /// <summary>`Levels:Thresholds` as a list of {Name, Start} and `Levels:LegendStep`; the defaults where a part is missing.</summary>
    public static LevelTable From(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var thresholds = section.GetSection("Thresholds").Get<LevelThreshold[]>();
        var step = section.GetValue("LegendStep", 500L);
        return thresholds is { Length: > 0 } ? new LevelTable(thresholds, step) : new LevelTable(Default._levels, step);
    }

    public Level For(long points)
    {
        var clamped = Math.Max(0, points);
        var last = _levels[^1];
        if (clamped < last.Start)
        {
            var index = Array.FindLastIndex(_levels, l => l.Start <= clamped);
            return new Level(index + 1, _levels[index].Name, _levels[index].Start, _levels[index + 1].Start);
        }

        var beyond = (clamped - last.Start) / _step;
        var start = last.Start + (beyond * _step);
        return new Level(_levels.Length + (int)beyond, last.Name, start, start + _step);
    }
}
