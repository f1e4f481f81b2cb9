using System.Text;
using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

/// <summary>Mastery progress, `mastery@1.0` (ANALYTICS.md §1.4): the share of the target set T mastered, by category and over time.</summary>
public static class MasteryCalculator
{
    public const string DefinitionVersion = "mastery@1.0";

    private const string Uncategorised = "Uncategorised";

    /// <summary>
    /// Computes mastery as of <paramref name="asOf"/>. With <paramref name="pathId"/> T is that path's skills and the path lists
    /// only it; otherwise T = skills of the learning paths ∪ course skills of the active enrolments ∪ the skill targets.
    /// </summary>
    public static MasteryPayload Compute(DateOnly asOf, MasteryInputs inputs, MasterySettings settings, string? pathId = null)
    {
        var paths = inputs.Paths.Where(p => pathId is null || p.PathId == pathId).ToArray();
        var pathIds = paths.Select(p => p.PathId).ToHashSet(StringComparer.Ordinal);
        var pathSkills = inputs.PathSkills.Where(s => pathIds.Contains(s.PathId)).ToArray();
        var targetIds = pathId is not null
            ? pathSkills.Select(s => s.SkillId).ToHashSet(StringComparer.Ordinal)
            : pathSkills.Select(s => s.SkillId)
                .Concat(inputs.EnrolmentSkills.Where(e => e.IsActiveOn(asOf)).Select(e => e.SkillId))
                .Concat(inputs.TargetSkillIds)
                .ToHashSet(StringComparer.Ordinal);
        var skills = inputs.Skills
            .Where(s => targetIds.Contains(s.SkillId))
            .DistinctBy(s => s.SkillId, StringComparer.Ordinal)
            .Select(s => Evaluate(s, inputs.Evidence, asOf, settings))
            .ToArray();
        if (skills.Length == 0)
        {
            return Empty(asOf);
        }

        var overall = Share(skills, asOf);
        var history = Enumerable.Range(0, 12)
            .Select(i => asOf.AddDays(-7 * (11 - i)))
            .Select(day => (Date: day, Mastery: Share(skills, day)))
            .ToArray();
        var milestones = settings.Milestones
            .Select(m =>
            {
                var achieved = Numbers.Exact(overall) >= m.Threshold;
                DateOnly? date = achieved ? history.First(p => Numbers.Exact(p.Mastery) >= m.Threshold).Date : null;
                return new MasteryMilestone(Slug(m.Name), m.Name, m.Threshold, achieved, date);
            })
            .ToArray();
        var next = settings.Milestones.FirstOrDefault(m => Numbers.Exact(overall) < m.Threshold);
        var skillById = skills.ToDictionary(s => s.Fact.SkillId, StringComparer.Ordinal);

        return new MasteryPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            OverallMastery = Numbers.Round(overall, 3),
            SkillCategories = skills
                .GroupBy(s => s.Fact.Category ?? Uncategorised, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new MasterySkillCategory(
                    Slug(g.Key),
                    g.Key,
                    Numbers.Round(Share(g.ToArray(), asOf), 3),
                    Numbers.Round(g.Average(s => s.Mastery(asOf)), 3),
                    g.OrderBy(s => s.Fact.Name, StringComparer.OrdinalIgnoreCase)
                        .ThenBy(s => s.Fact.Name, StringComparer.Ordinal)
                        .ThenBy(s => s.Fact.SkillId, StringComparer.Ordinal)
                        .Select(s => new MasterySkill(s.Fact.SkillId, s.Fact.Name, Numbers.Round(s.Mastery(asOf), 3), s.Trend))
                        .ToArray()))
                .ToArray(),
            MasteryHistory = history.Select(p => new MasteryPoint(p.Date, Numbers.Round(p.Mastery, 3))).ToArray(),
            Milestones = milestones,
            NextMilestone = next.Name is null
                ? null
                : new MasteryNextMilestone(next.Name, Numbers.Round(overall / next.Threshold, 3), Numbers.Round(1 - (overall / next.Threshold), 3)),
            Paths = paths
                .OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase)
                .ThenBy(p => p.Title, StringComparer.Ordinal)
                .ThenBy(p => p.PathId, StringComparer.Ordinal)
                .Select(p => new MasteryPath(p.PathId, p.Title, PathMastery(p.PathId, pathSkills, skillById, asOf)))
                .ToArray(),
            TopicStatus = TopicStatusOf(inputs.PathTopics.Where(t => pathIds.Contains(t.PathId)), asOf),
        };
    }

    private static MasteryPayload Empty(DateOnly asOf) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        DataStatus = DataStatuses.NoData,
        SkillCategories = [],
        MasteryHistory = [],
        Milestones = [],
        Paths = [],
        TopicStatus = new MasteryTopicStatus(null, null, null),
    };

    /// <summary>
    /// Mastered (1B): `acquired`, dated `acquired_on` (an undated acquisition counts from the start); otherwise the fallback,
    /// dated the later of the first score ≥ ScorePct on an assessment of a topic teaching the skill and the first passed practice.
    /// </summary>
    private static EvaluatedSkill Evaluate(MasterySkillFact fact, IReadOnlyList<MasteryEvidence> evidence, DateOnly asOf, MasterySettings settings)
    {
        var own = evidence.Where(e => e.SkillId == fact.SkillId && e.Day <= asOf).ToArray();
        DateOnly? masteredOn;
        if (fact.Acquired)
        {
            masteredOn = fact.AcquiredOn ?? DateOnly.MinValue;
        }
        else
        {
            var firstScore = own.Where(e => e.Kind == MasteryEvidence.Score).Select(e => (DateOnly?)e.Day).Min();
            var firstPractice = own.Where(e => e.Kind == MasteryEvidence.Practice).Select(e => (DateOnly?)e.Day).Min();
            masteredOn = firstScore is { } score && firstPractice is { } practice ? (score > practice ? score : practice) : null;
        }

        var recentFrom = asOf.AddDays(-settings.TrendDays + 1);
        var increasing = masteredOn <= asOf || own.Any(e => e.Day >= recentFrom);
        return new EvaluatedSkill(fact, masteredOn, increasing ? "increasing" : "stable");
    }

    private static double Share(IReadOnlyCollection<EvaluatedSkill> skills, DateOnly day) =>
        (double)skills.Count(s => s.IsMasteredOn(day)) / skills.Count;

    private static double? PathMastery(
        string pathId, IReadOnlyList<MasteryPathSkill> pathSkills, Dictionary<string, EvaluatedSkill> skills, DateOnly asOf)
    {
        var own = pathSkills.Where(s => s.PathId == pathId && skills.ContainsKey(s.SkillId)).Select(s => skills[s.SkillId]).ToArray();
        return own.Length == 0 ? null : Numbers.Round(Share(own, asOf), 3);
    }

    /// <summary>Topic chips of the paths: completed by asOf / with activity by asOf / untouched (each topic once).</summary>
    private static MasteryTopicStatus TopicStatusOf(IEnumerable<MasteryPathTopic> topics, DateOnly asOf)
    {
        var distinct = topics.DistinctBy(t => t.TopicId, StringComparer.Ordinal).ToArray();
        var mastered = distinct.Count(t => t.CompletedOn <= asOf);
        var inProgress = distinct.Count(t => !(t.CompletedOn <= asOf) && t.FirstActivityOn <= asOf);
        return new MasteryTopicStatus(mastered, inProgress, distinct.Length - mastered - inProgress);
    }

    /// <summary>A lower-case id from a display name: letters and digits kept, every other run of characters a single `-`.</summary>
    private static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    private sealed record EvaluatedSkill(MasterySkillFact Fact, DateOnly? MasteredOn, string Trend)
    {
        public bool IsMasteredOn(DateOnly day) => MasteredOn <= day;

        public double Mastery(DateOnly day) => IsMasteredOn(day) ? 1 : (Fact.Level ?? 0) / 4.0;
    }
}
