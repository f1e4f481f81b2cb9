namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>
/// How many people of a group hold a skill at each level 0–4 (`user_skills.level`): the skill's peer figures without one
/// person, computed from the counts (a platform-wide skill can have a hundred thousand holders).
/// </summary>
public sealed class LevelHistogram(string skillId, string skillName, IReadOnlyList<int> counts)
{
    public const int Levels = 5;

    public string SkillId { get; } = skillId;

    public string SkillName { get; } = skillName;

    public int Count { get; } = counts.Sum();

    /// <summary>The holders' figures (in levels) against <paramref name="level"/>, without one holder at <paramref name="excluded"/>.</summary>
    public PeerStats? Against(int? level, int? excluded)
    {
        var c = counts.ToArray();
        if (excluded is { } e && e is >= 0 and < Levels && c[e] > 0)
        {
            c[e]--;
        }

        var n = c.Sum();
        if (n == 0)
        {
            return null;
        }

        var mean = Enumerable.Range(0, Levels).Sum(l => (double)l * c[l]) / n;
        var median = n % 2 == 1 ? At(c, n / 2) : (At(c, (n / 2) - 1) + At(c, n / 2)) / 2.0;
        if (level is not { } x)
        {
            return new PeerStats(n, mean, median, 0, 0);
        }

        var below = c.Take(Math.Clamp(x, 0, Levels)).Sum();
        var equal = x is >= 0 and < Levels ? c[x] : 0;
        return new PeerStats(n, mean, median, below, equal);
    }

    private static int At(int[] counts, int index)
    {
        var seen = 0;
        for (var level = 0; level < Levels; level++)
        {
            seen += counts[level];
            if (index < seen)
            {
                return level;
            }
        }

        return Levels - 1;
    }
}
