using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.StrategicAlignment;

/// <summary>
/// Strategic alignment, `strategic-alignment@1.0` (ANALYTICS.md §3.2): alignment = w_K·K + w_C·C + w_P·P (0.5/0.3/0.2,
/// renormalised over the components that have data), with K the KPI achievement (<see cref="KpiAchievement"/>), C the share of
/// (employee, target skill) pairs that meet the required level and P the share of employees with assigned enrolments who
/// completed all of them; goals, gap analysis and recommendations from the same pairs. Privacy (§0.5) is checked again here:
/// fewer than k employees withholds everything, a goal or skill row below k is dropped and counted.
/// </summary>
public static class StrategicAlignmentCalculator
{
    public const string DefinitionVersion = "strategic-alignment@1.0";

    private const int TopMissingSkills = 5;
    private const int TopRecommendations = 3;

    private static readonly string[] RecommendationPaths = ["recommendations[].estimatedCost", "recommendations[].expectedROI"];

    public static StrategicAlignmentResult Compute(StrategicAlignmentInput input, AlignmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        var k = input.MinGroupSize;
        if (input.Employees < k || input.Rows.Count == 0)
        {
            return new StrategicAlignmentResult(
                Suppressed(input.AsOf, input.DepartmentId, k), SuppressionInfo.WholeGroup(k));
        }

        var totals = input.Rows[0];
        var kpi = KpiAchievement.Compute(input.Kpis);
        var coverage = Share(totals.TotalMet, totals.TotalPairs);
        var compliance = Share(totals.CompliantEmployees, totals.AssignedEmployees);
        var alignment = Composite(
            (kpi, settings.KpiAchievementWeight), (coverage, settings.SkillCoverageWeight), (compliance, settings.TrainingComplianceWeight));

        var goalRows = input.Rows.Where(r => r.SkillId is not null).ToArray();
        var goals = goalRows.GroupBy(r => (r.GoalKey, r.GoalSkillId)).ToArray();
        var keptGoals = goals.Where(g => IsShown(g.First().GoalSuppressed, g.First().GoalPopulation, k)).ToArray();
        var skills = goalRows.GroupBy(r => r.SkillId!, StringComparer.Ordinal).Select(g => g.First()).ToArray();
        var keptSkills = skills.Where(s => IsShown(s.SkillSuppressed, s.SkillPopulation, k)).ToArray();
        var suppressedSegments = (goals.Length - keptGoals.Length) + (skills.Length - keptSkills.Length);

        var missing = keptSkills
            .Where(s => s.SkillShort > 0)
            .OrderByDescending(s => s.SkillShort)
            .ThenBy(s => s.SkillName, StringComparer.Ordinal)
            .ToArray();
        var recommendations = missing.Take(TopRecommendations)
            .Select(s => new AlignmentRecommendation(
                "skill_development",
                s.SkillPriority ?? "low",
                Invariant($"Train {s.SkillShort} employees in {s.SkillName} to level {s.SkillRequiredLevel}"),
                null,
                null))
            .ToArray();

        var used = new List<string>();
        AddIf(used, kpi, "kpiAchievement");
        AddIf(used, coverage, "skillCoverage");
        AddIf(used, compliance, "trainingCompliance");

        var payload = new StrategicAlignmentPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = input.AsOf,
            DepartmentId = input.DepartmentId,
            OverallAlignment = alignment is { } a ? Numbers.Round(a / 100, 2) : null,
            AlignmentGrade = alignment is { } g ? Labels.LetterGrade(g / 100) : null,
            Period = Labels.Quarter(input.AsOf),
            StrategicGoals = keptGoals.Select(g => Goal([.. g], settings)).OrderBy(g => g.GoalName, StringComparer.Ordinal).ToArray(),
            GapAnalysis = new AlignmentGapAnalysis(
                totals.CriticalGaps,
                totals.MediumGaps,
                totals.LowGaps,
                missing.Take(TopMissingSkills)
                    .Select(s => new AlignmentMissingSkill(
                        s.SkillName!, s.SkillPriority ?? "low", Numbers.Round(100.0 * s.SkillShort!.Value / s.SkillPopulation!.Value, 1)))
                    .ToArray()),
            Recommendations = recommendations,
            Components = new AlignmentComponents(Round1(kpi), Round1(coverage), Round1(compliance)),
            ComponentsUsed = used,
            DataStatus = used.Count == 0 ? DataStatuses.NoData : used.Count < 3 ? DataStatuses.Partial : DataStatuses.Ok,
            NotAvailable = recommendations.Length > 0 ? RecommendationPaths : [],
        };

        return new StrategicAlignmentResult(
            payload,
            SuppressionInfo.Segments(k, suppressedSegments));
    }

    /// <summary>The whole response withheld (§0.5): every aggregate null, every list empty.</summary>
    public static StrategicAlignmentPayload Suppressed(DateOnly asOf, string? departmentId, int minGroupSize) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        DepartmentId = departmentId,
        Period = Labels.Quarter(asOf),
        StrategicGoals = [],
        GapAnalysis = new AlignmentGapAnalysis(null, null, null, []),
        Recommendations = [],
        Components = new AlignmentComponents(null, null, null),
        Suppressed = true,
        Message = SuppressionInfo.MessageFor(minGroupSize),
    };

    /// <summary>goalId of §3.2: `vp-` + the first 12 hex characters of SHA-256(lower(text)), or `skill-&lt;id&gt;`.</summary>
    public static string GoalId(string? valueProposition, string skillId) =>
        valueProposition is null
            ? "skill-" + skillId
            : "vp-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(valueProposition.ToLowerInvariant())))[..12];


    private static AlignmentGoal Goal(IReadOnlyList<AlignmentRow> rows, AlignmentSettings settings)
    {
        var first = rows[0];
        var pairs = rows.Sum(r => r.Pairs ?? 0);
        var met = rows.Sum(r => r.Met ?? 0);
        var progress = rows.Sum(r => r.Progress ?? 0);
        var score = pairs > 0 ? (double)met / pairs : (double?)null;
        var covered = rows.Where(r => r.Pairs > 0 && Numbers.Exact((double)r.Met!.Value / r.Pairs!.Value) >= settings.CoveredShare).ToArray();
        var uncovered = rows.Except(covered).OrderBy(r => r.SkillName, StringComparer.Ordinal);
        return new AlignmentGoal(
            GoalId(first.GoalText, first.SkillId!),
            first.GoalText ?? "Skill: " + first.SkillName,
            score is { } s ? Numbers.Round(s, 2) : null,
            pairs > 0 ? Numbers.Round(100 * progress / pairs, 1) : null,
            Numbers.Round(100.0 * covered.Length / rows.Count, 1),
            rows.Select(r => r.SkillName!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            first.GoalOnTrack,
            first.GoalPopulation,
            score is { } t ? Status(t) : null,
            uncovered
                .Select(r => r.HasCourse == true
                    ? Invariant($"Assign a course teaching {r.SkillName} to {r.Pairs - r.Met} employees below level {r.RequiredLevel}")
                    : Invariant($"No course teaches {r.SkillName} yet"))
                .ToArray());
    }

    private static string Status(double alignmentScore)
    {
        var s = Numbers.Exact(alignmentScore);
        return s >= .8 ? "on_track" : s >= .5 ? "at_risk" : "off_track";
    }

    private static bool IsShown(bool? suppressed, int? population, int k) => suppressed == false && population >= k;

    private static double? Share(int? part, int? whole) => whole is > 0 && part is { } p ? 100.0 * p / whole.Value : null;

    private static double? Composite(params (double? Value, double Weight)[] components)
    {
        var present = components.Where(c => c.Value is not null && c.Weight > 0).ToArray();
        var weights = present.Sum(c => c.Weight);
        return present.Length == 0 || weights <= 0 ? null : Math.Clamp(present.Sum(c => c.Value!.Value * c.Weight) / weights, 0, 100);
    }

    private static double? Round1(double? value) => value is { } v ? Numbers.Round(v, 1) : null;

    private static void AddIf(List<string> used, double? value, string name)
    {
        if (value is not null)
        {
            used.Add(name);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
