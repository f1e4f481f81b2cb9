namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>
/// A comparison group read once (per request, or per nightly chunk for every subject of the group): its members' values sorted
/// per metric and for the composite, the progress totals, and the skill histograms. Each subject is compared with it minus itself.
/// </summary>
public sealed class PeerPopulation
{
    private readonly Dictionary<string, PeerMember> _members;

    public PeerPopulation(IReadOnlyList<PeerMember> members, int metricCount, IEnumerable<SkillLevelCount> skillLevels)
    {
        ArgumentNullException.ThrowIfNull(members);
        _members = members.ToDictionary(m => m.Id, StringComparer.Ordinal);
        Metrics = Enumerable.Range(0, metricCount).Select(i => new PeerValues(members.Select(m => m.Values[i]).OfType<double>())).ToArray();
        Composite = new PeerValues(members.Select(m => m.Composite).OfType<double>());
        ProgressTotal = members.Sum(m => m.ProgressTotal);
        ProgressEnrolments = members.Sum(m => m.ProgressEnrolments);
        ProgressPeople = members.Count(m => m.ProgressEnrolments > 0);
        Skills = skillLevels
            .GroupBy(s => s.SkillId, StringComparer.Ordinal)
            .Select(g =>
            {
                var counts = new int[LevelHistogram.Levels];
                foreach (var row in g.Where(r => r.Level is >= 0 and < LevelHistogram.Levels))
                {
                    counts[row.Level] += row.People;
                }

                return new LevelHistogram(g.Key, g.First().SkillName, counts);
            })
            .ToDictionary(h => h.SkillId, StringComparer.Ordinal);
    }

    public IReadOnlyList<PeerValues> Metrics { get; }

    public PeerValues Composite { get; }

    public double ProgressTotal { get; }

    public int ProgressEnrolments { get; }

    public int ProgressPeople { get; }

    public IReadOnlyDictionary<string, LevelHistogram> Skills { get; }

    public PeerMember? Member(string id) => _members.GetValueOrDefault(id);
}
