using System.Globalization;
using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.Performance;

/// <summary>
/// Performance and assessment, `performance@1.0` (ANALYTICS.md §1.5): the weighted course score over best scores, the trend of the
/// last 10 scores, a projection, per-skill strengths and weaknesses. Best scores (overall, pass rate, skills) include banked
/// results, as passed/failed does (§0.4); the score series (trend, projection, history, results) uses non-banked attempts only.
/// </summary>
public static class PerformanceCalculator
{
    public const string DefinitionVersion = "performance@1.0";

    private const int LastScores = 10;
    private const int ProjectionScores = 3;
    private const int HistoryBlocks = 12;
    private const int TopSkills = 3;
    private const int MinAssessmentsPerSkill = 2;

    private static readonly string[] UnavailablePaths =
        ["assessmentResults[].correctAnswers", "assessmentResults[].questions", "assessmentResults[].difficulty"];

    public static PerformancePayload Compute(
        DateOnly asOf,
        IReadOnlyList<PerformanceSubmission> submissions,
        IReadOnlyList<PerformanceAssessmentSkill> skills,
        PerformanceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(settings);

        // OrderBy is stable, so attempts of one day keep the store's order (submitted_at, attempt).
        var ordered = submissions.Where(s => s.SubmittedOn <= asOf).OrderBy(s => s.SubmittedOn).ToArray();
        if (ordered.Length == 0)
        {
            return Empty(asOf);
        }

        var series = ordered.Where(s => !s.IsBanked && s.ScorePct is not null).ToArray();
        var best = ordered
            .Where(s => s.ScorePct is not null)
            .GroupBy(s => s.AssessmentId, StringComparer.Ordinal)
            .Select(g => new BestScore(g.First(), g.Max(s => s.ScorePct!.Value)))
            .ToArray();

        double? overall = best.Length == 0 ? null : best.Sum(b => b.Weight * b.Score) / best.Sum(b => b.Weight);
        var recent = series.TakeLast(LastScores).Select(s => s.ScorePct!.Value).ToArray();
        var trend = TrendOf(Slope(recent), settings.TrendSlope, "improving", "declining");
        var strengthsAndWeaknesses = SkillScores(best, series, skills, settings);
        var weaknesses = strengthsAndWeaknesses.Where(s => !s.AtOrAboveThreshold).OrderBy(s => s.Mean).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(TopSkills).ToArray();

        return new PerformancePayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            NotAvailable = UnavailablePaths,
            OverallScore = overall is { } o ? Numbers.Round(o / 100, 3) : null,
            AssessmentResults = ordered.Where(s => !s.IsBanked).TakeLast(LastScores).Reverse().Select(Result).ToArray(),
            PerformanceHistory = History(series, asOf),
            Strengths = strengthsAndWeaknesses.Where(s => s.AtOrAboveThreshold).OrderByDescending(s => s.Mean).ThenBy(s => s.Name, StringComparer.Ordinal)
                .Take(TopSkills).Select(s => s.ToSkill()).ToArray(),
            Weaknesses = weaknesses.Select(s => s.ToSkill()).ToArray(),
            ImprovementAreas = weaknesses.Select(s => new PerformanceImprovementArea(
                s.Name, Ratio(s.Mean), Ratio(settings.TargetScorePct), Priority(s.Mean))).ToArray(),
            Trend = trend,
            PassRate = best.Length == 0 ? null : Numbers.Round(100.0 * best.Count(b => Numbers.Exact(b.Score) >= b.Threshold) / best.Length, 1),
            ProjectedNextScore = Projection(recent, trend, settings.ProjectionStep),
            Grade = overall is { } g ? GradeOf(g) : null,
        };
    }

    /// <summary>OLS slope of y on x = 0…n−1 (ANALYTICS.md §0.2); null below 3 points.</summary>
    public static double? Slope(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        if (n < 3)
        {
            return null;
        }

        var meanX = (n - 1) / 2.0;
        var meanY = values.Average();
        double numerator = 0, denominator = 0;
        for (var x = 0; x < n; x++)
        {
            numerator += (x - meanX) * (values[x] - meanY);
            denominator += (x - meanX) * (x - meanX);
        }

        return numerator / denominator;
    }

    private static PerformancePayload Empty(DateOnly asOf) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        DataStatus = DataStatuses.NoData,
        NotAvailable = UnavailablePaths,
        AssessmentResults = [],
        PerformanceHistory = [],
        Strengths = [],
        Weaknesses = [],
        ImprovementAreas = [],
    };

    /// <summary>Slope beyond ±band gives the rising or falling label; fewer than 3 scores is stable.</summary>
    private static string TrendOf(double? slope, double band, string rising, string falling) => slope switch
    {
        { } s when Numbers.Exact(s) > band => rising,
        { } s when Numbers.Exact(s) < -band => falling,
        _ => "stable",
    };

    /// <summary>mean(last 3) ± the step by trend, clamped to 0–100; with fewer than 3 scores the last one.</summary>
    private static double? Projection(double[] recent, string trend, double step)
    {
        if (recent.Length == 0)
        {
            return null;
        }

        if (recent.Length < ProjectionScores)
        {
            return Numbers.Round(recent[^1], 1);
        }

        var shift = trend switch
        {
            "improving" => step,
            "declining" => -step,
            _ => 0,
        };
        return Numbers.Round(Math.Clamp(recent.TakeLast(ProjectionScores).Average() + shift, 0, 100), 1);
    }

    /// <summary>The §1.5 grade of the unrounded overall (0–100): ≥ 90 A, ≥ 80 B, ≥ 70 C, ≥ 60 D, else F.</summary>
    private static string GradeOf(double overall) => Numbers.Exact(overall) switch
    {
        >= 90 => "A",
        >= 80 => "B",
        >= 70 => "C",
        >= 60 => "D",
        _ => "F",
    };

    private static string Priority(double mean) => Numbers.Exact(mean) < 60 ? "high" : Numbers.Exact(mean) < 70 ? "medium" : "low";

    private static PerformanceAssessmentResult Result(PerformanceSubmission s) => new(
        s.Id,
        s.AssessmentTitle ?? $"{Capitalised(s.Kind)} – {s.TopicTitle ?? s.CourseTitle}",
        s.ScorePct is { } score ? Ratio(score) : null,
        CorrectAnswers: null,
        Questions: null,
        s.TimeSpentSeconds is { } seconds ? Numbers.Round(seconds / 60.0, 1) : null,
        Difficulty: null,
        s.CourseCategory,
        s.SubmittedOn);

    /// <summary>The mean score of each 7-day block ending at asOf − 7i, i = 11…0; empty blocks are left out.</summary>
    private static PerformancePoint[] History(PerformanceSubmission[] series, DateOnly asOf) =>
        Enumerable.Range(0, HistoryBlocks)
            .Select(i => asOf.AddDays(-7 * (HistoryBlocks - 1 - i)))
            .Select(end => (End: end, Scores: series.Where(s => s.SubmittedOn > end.AddDays(-7) && s.SubmittedOn <= end).Select(s => s.ScorePct!.Value).ToArray()))
            .Where(block => block.Scores.Length > 0)
            .Select(block => new PerformancePoint(block.End, Ratio(block.Scores.Average())))
            .ToArray();

    /// <summary>Per skill with ≥ 2 scored assessments: the mean best score, the mean pass threshold and the slope of its scores.</summary>
    private static SkillScore[] SkillScores(
        BestScore[] best, PerformanceSubmission[] series, IReadOnlyList<PerformanceAssessmentSkill> skills, PerformanceSettings settings)
    {
        var bestByAssessment = best.ToDictionary(b => b.AssessmentId, StringComparer.Ordinal);
        return skills
            .Where(s => bestByAssessment.ContainsKey(s.AssessmentId))
            .GroupBy(s => (s.SkillId, s.SkillName))
            .Select(g => (g.Key.SkillName, Assessments: g.Select(s => s.AssessmentId).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal)))
            .Where(g => g.Assessments.Count >= MinAssessmentsPerSkill)
            .Select(g =>
            {
                var bests = g.Assessments.Select(id => bestByAssessment[id]).ToArray();
                var scores = series.Where(s => g.Assessments.Contains(s.AssessmentId)).TakeLast(LastScores).Select(s => s.ScorePct!.Value).ToArray();
                return new SkillScore(
                    g.SkillName,
                    bests.Average(b => b.Score),
                    bests.Average(b => b.Threshold),
                    TrendOf(Slope(scores), settings.TrendSlope, "increasing", "decreasing"));
            })
            .ToArray();
    }

    private static double Ratio(double pct) => Numbers.Round(pct / 100, 3);

    private static string Capitalised(string kind) =>
        kind.Length == 0 ? kind : char.ToUpper(kind[0], CultureInfo.InvariantCulture) + kind[1..];

    /// <summary>An assessment's best score with its weight (null or 0 counts as 1) and pass threshold.</summary>
    private sealed record BestScore(PerformanceSubmission Assessment, double Score)
    {
        public string AssessmentId => Assessment.AssessmentId;

        public double Weight => Assessment.Weight > 0 ? Assessment.Weight : 1;

        public double Threshold => Assessment.PassThresholdPct;
    }

    private sealed record SkillScore(string Name, double Mean, double Threshold, string Trend)
    {
        public bool AtOrAboveThreshold => Numbers.Exact(Mean) >= Threshold;

        public PerformanceSkill ToSkill() => new(Name, Ratio(Mean), Trend);
    }
}
