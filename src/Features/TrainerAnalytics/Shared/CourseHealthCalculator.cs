using System.Globalization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// Course health, `course-health@1.0` (ANALYTICS.md §2.2, decided there [d]): a weighted score of completion, engagement,
/// satisfaction, performance and retention, with the drop-off points and topic results behind it. Course performance (#7)
/// reads the same score per course.
/// </summary>
public static class CourseHealthCalculator
{
    public const string DefinitionVersion = "course-health@1.0";

    public const string Completion = "completion";
    public const string Engagement = "engagement";
    public const string Satisfaction = "satisfaction";
    public const string Performance = "performance";
    public const string Retention = "retention";

    private const double HealthyFrom = 80;
    private const double AtRiskFrom = 60;
    private const double StrugglingPassRate = 70;
    private const double HighPerformancePassRate = 90;
    private const double RatingTrendBand = 0.2;
    private const int ListedTopics = 5;

    private const string LowScoreReason = "The average score in this topic is below the pass threshold.";
    private const string LowScoreAction = "Review the topic's assessments and add worked examples before them.";
    private const string LongContentReason = "Its content items are more than twice as long as the course's median item.";
    private const string LongContentAction = "Split the longest items into shorter pieces.";
    private const string LowInteractionReason = "Learners interact with it less than half as much as with a typical topic of the course.";
    private const string LowInteractionAction = "Add an interactive activity or a checkpoint to this topic.";

    private static readonly string[] SatisfactionPaths =
    [
        "metrics.satisfaction.averageRating", "metrics.satisfaction.totalReviews", "metrics.satisfaction.nps",
        "metrics.satisfaction.satisfactionScore", "metrics.satisfaction.ratingTrend",
    ];

    private static readonly string[] TopicFeedbackPaths =
    [
        "contentPerformance.strugglingTopics[].studentFeedback", "contentPerformance.highPerformanceTopics[].studentFeedback",
    ];

    /// <summary>healthScore = round(Σ w·component / Σ w) over the components that have data; ≥ 80 healthy, ≥ 60 at_risk.</summary>
    public static HealthScore Score(HealthComponents components, CourseHealthSettings settings)
    {
        (string Name, double? Value, double Weight)[] parts =
        [
            (Completion, components.Completion, settings.CompletionWeight),
            (Engagement, components.Engagement, settings.EngagementWeight),
            (Satisfaction, components.Satisfaction, settings.SatisfactionWeight),
            (Performance, components.Performance, settings.PerformanceWeight),
            (Retention, components.Retention, settings.RetentionWeight),
        ];
        var used = parts.Where(p => p.Value is not null && p.Weight > 0).ToArray();
        if (used.Length == 0)
        {
            return new HealthScore(null, null, null, []);
        }

        var value = Numbers.Exact(used.Sum(p => p.Weight * p.Value!.Value) / used.Sum(p => p.Weight));
        var label = value >= HealthyFrom ? "healthy" : value >= AtRiskFrom ? "at_risk" : "unhealthy";
        return new HealthScore(value, Numbers.RoundToInt(value), label, used.Select(p => p.Name).ToArray());
    }

    /// <summary>
    /// The components of one course on one day. Each is an aggregate over people, so each needs k of them: engagement k active
    /// learners, satisfaction k raters, performance k scored learners; completion and retention share the course's enrolments.
    /// Satisfaction is dropped when the organisation's sources do not supply feedback (ANALYTICS.md §0.4).
    /// </summary>
    public static HealthComponents Components(
        CourseOutcome outcome, IReadOnlyList<int> activeEngagements, int minGroupSize, bool providesFeedback, CourseHealthSettings settings)
    {
        if (outcome.Enrollments < minGroupSize)
        {
            return new HealthComponents(null, null, null, null, null);
        }

        var completion = outcome.CompletionRate is { } rate ? Math.Min(100, 100 * rate / settings.CompletionTargetPct) : (double?)null;
        var engagement = activeEngagements.Count >= minGroupSize ? Median(activeEngagements.Select(e => (double)e).ToArray()) : (double?)null;
        var satisfaction = providesFeedback && outcome.Raters >= minGroupSize && outcome.MeanRating is { } mean
            ? 100 * (mean - 1) / 4
            : (double?)null;
        var performance = outcome.ScoredLearners >= minGroupSize && outcome.Pairs > 0 ? 100.0 * outcome.PassedPairs / outcome.Pairs : (double?)null;
        var retention = 100 - (100.0 * outcome.Withdrawn / outcome.Enrollments);
        return new HealthComponents(completion, engagement, satisfaction, performance, retention);
    }

    public static CourseHealthResult Compute(CourseHealthInput input, CourseHealthSettings settings, CohortSettings cohort)
    {
        var (course, outcome, signals, topics, k, providesFeedback, asOf) = input;
        if (outcome.Enrollments == 0)
        {
            return new CourseHealthResult(Empty(asOf, course, settings) with { DataStatus = DataStatuses.NoData }, null, 0, 0, null);
        }

        if (outcome.Enrollments < k)
        {
            return new CourseHealthResult(Suppressed(asOf, course, settings, k), null, 0, 0, SuppressionInfo.WholeGroup(k));
        }

        var engagements = signals.Select(s => CohortSignalCalculator.Engagement(s, cohort)).ToArray();
        var atRisk = CohortSignalCalculator.AtRiskCount(signals, cohort);
        var score = Score(Components(outcome, engagements, k, providesFeedback, settings), settings);
        var suppressedSegments = topics.Count(t => t.Reached > 0 && t.Reached < k) + topics.Count(t => t.Submitters > 0 && t.Submitters < k);
        var dropOffPoints = DropOffPoints(topics, k);
        var (struggling, high) = TopicResults(topics, k);
        var notAvailable = TopicFeedbackPaths.Concat(providesFeedback ? [] : SatisfactionPaths).ToArray();
        var payload = new CourseHealthPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            DataStatus = score.ComponentsUsed.Count == 5 ? DataStatuses.Ok : DataStatuses.Partial,
            NotAvailable = notAvailable,
            ComponentsUsed = score.ComponentsUsed,
            CourseId = course.Id,
            CourseName = course.Title,
            HealthScore = score.Score,
            OverallHealth = score.Label,
            Metrics = new CourseHealthMetrics(
                new CourseEnrollments(outcome.Enrollments, outcome.ActiveStudents),
                new CourseCompletion(Round1(outcome.CompletionRate), settings.CompletionTargetPct),
                providesFeedback ? SatisfactionOf(outcome, k) : new CourseSatisfaction(null, null, null, null, null)),
            DropOffAnalysis = new DropOffAnalysis(Round1(100.0 * outcome.Withdrawn / outcome.Enrollments), dropOffPoints.Select(p => p.Point).ToArray()),
            ContentPerformance = new ContentPerformance(struggling.Select(t => t.Result).ToArray(), high.Select(t => t.Result).ToArray()),
            Recommendations = Recommendations(struggling, dropOffPoints, atRisk),
        };
        return new CourseHealthResult(payload, score.Value, atRisk, suppressedSegments, SuppressionInfo.Segments(k, suppressedSegments));
    }

    /// <summary>The shape with every aggregate null and every list empty (no course taught, or a course without enrolments).</summary>
    public static CourseHealthPayload Empty(DateOnly asOf, TrainerCourse? course, CourseHealthSettings settings) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        DataStatus = DataStatuses.NoData,
        NotAvailable = TopicFeedbackPaths,
        CourseId = course?.Id,
        CourseName = course?.Title,
        Metrics = new CourseHealthMetrics(
            new CourseEnrollments(null, null),
            new CourseCompletion(null, settings.CompletionTargetPct),
            new CourseSatisfaction(null, null, null, null, null)),
        DropOffAnalysis = new DropOffAnalysis(null, []),
        ContentPerformance = new ContentPerformance([], []),
        Recommendations = [],
    };

    /// <summary>The whole response withheld (ANALYTICS.md §0.5): fewer than k enrolments.</summary>
    public static CourseHealthPayload Suppressed(DateOnly asOf, TrainerCourse course, CourseHealthSettings settings, int minGroupSize) =>
        Empty(asOf, course, settings) with
        {
            DataStatus = DataStatuses.Ok,
            Suppressed = true,
            Message = SuppressionInfo.MessageFor(minGroupSize),
        };

    /// <summary>[d] 5-point NPS: 5 promotes, ≤ 3 detracts. Every figure but the review count needs k raters.</summary>
    private static CourseSatisfaction SatisfactionOf(CourseOutcome outcome, int k)
    {
        if (outcome.Raters < k || outcome.MeanRating is not { } mean)
        {
            return new CourseSatisfaction(null, outcome.Ratings, null, null, null);
        }

        string? trend = null;
        if (outcome.RecentRaters >= k && outcome.PreviousRaters >= k)
        {
            var change = Numbers.Exact(((double)outcome.RecentRatingSum / outcome.RecentRatings) - ((double)outcome.PreviousRatingSum / outcome.PreviousRatings));
            trend = change > RatingTrendBand ? "increasing" : change < -RatingTrendBand ? "decreasing" : "stable";
        }

        return new CourseSatisfaction(
            Numbers.Round(mean, 1),
            outcome.Ratings,
            Numbers.RoundToInt(100.0 * (outcome.Promoters - outcome.Detractors) / outcome.Ratings),
            Numbers.Round(100.0 * outcome.Satisfied / outcome.Ratings, 1),
            trend);
    }

    /// <summary>Topics reached by ≥ k learners where withdrawn learners were last active: rate = dropped / reached, top 5.</summary>
    private static (DropOffPoint Point, CourseTopic Topic)[] DropOffPoints(IReadOnlyList<CourseTopic> topics, int k)
    {
        var visible = topics.Where(t => t.Reached >= k).ToArray();
        var typicalEvents = Median(visible.Where(t => t.MedianEvents is not null).Select(t => t.MedianEvents!.Value).ToArray());
        return visible
            .Where(t => t.Dropped > 0)
            .Select(t => (Topic: t, Rate: Numbers.Exact(100.0 * t.Dropped / t.Reached)))
            .OrderByDescending(p => p.Rate)
            .ThenByDescending(p => p.Topic.Dropped)
            .ThenBy(p => p.Topic.Position)
            .Take(ListedTopics)
            .Select(p =>
            {
                var reasons = new List<(string Reason, string Action)>();
                if (p.Topic.Submitters >= k && p.Topic.AverageScore < p.Topic.PassThreshold)
                {
                    reasons.Add((LowScoreReason, LowScoreAction));
                }

                if (p.Topic.MedianItemSeconds > 2 * p.Topic.CourseMedianItemSeconds)
                {
                    reasons.Add((LongContentReason, LongContentAction));
                }

                if (typicalEvents is { } typical && p.Topic.MedianEvents < typical / 2)
                {
                    reasons.Add((LowInteractionReason, LowInteractionAction));
                }

                return (new DropOffPoint(
                    p.Topic.Title,
                    Numbers.Round(p.Rate, 1),
                    p.Topic.Dropped,
                    p.Rate >= 20 ? "high" : p.Rate >= 10 ? "medium" : "low",
                    reasons.Select(r => r.Reason).ToArray(),
                    reasons.Select(r => r.Action).ToArray()), p.Topic);
            })
            .ToArray();
    }

    /// <summary>Topics with assessments submitted by ≥ k learners: struggling (pass &lt; 70 % or mean below the threshold), worst 5; high (pass ≥ 90 %), best 5.</summary>
    private static ((TopicPerformance Result, CourseTopic Topic)[] Struggling, (TopicPerformance Result, CourseTopic Topic)[] High) TopicResults(IReadOnlyList<CourseTopic> topics, int k)
    {
        var scored = topics.Where(t => t.Submitters >= k && t.PassRate is not null && t.AverageScore is not null).ToArray();
        var struggling = scored
            .Where(t => Numbers.Exact(t.PassRate!.Value) < StrugglingPassRate || Numbers.Exact(t.AverageScore!.Value) < t.PassThreshold)
            .OrderBy(t => t.PassRate)
            .ThenBy(t => t.AverageScore)
            .ThenBy(t => t.Position)
            .Take(ListedTopics)
            .Select(Performance)
            .ToArray();
        var high = scored
            .Where(t => Numbers.Exact(t.PassRate!.Value) >= HighPerformancePassRate)
            .OrderByDescending(t => t.PassRate)
            .ThenByDescending(t => t.AverageScore)
            .ThenBy(t => t.Position)
            .Take(ListedTopics)
            .Select(Performance)
            .ToArray();
        return (struggling, high);

        static (TopicPerformance, CourseTopic) Performance(CourseTopic t) =>
            (new TopicPerformance(t.Title, Numbers.Round(t.AverageScore!.Value, 1), Numbers.Round(t.PassRate!.Value, 1), Numbers.Round(t.AverageAttempts ?? 0, 1), null), t);
    }

    /// <summary>One per struggling topic (content_improvement), drop-off point (pacing) and at-risk group (intervention), high first.</summary>
    private static CourseHealthRecommendation[] Recommendations(
        (TopicPerformance Result, CourseTopic Topic)[] struggling, (DropOffPoint Point, CourseTopic Topic)[] dropOffPoints, int atRisk)
    {
        var recommendations = new List<CourseHealthRecommendation>();
        if (atRisk > 0)
        {
            recommendations.Add(new CourseHealthRecommendation(
                Invariant($"Contact the {Students(atRisk)} whose drop-off risk is high or critical."), "high", "intervention", Affects(atRisk)));
        }

        foreach (var (result, topic) in struggling)
        {
            recommendations.Add(new CourseHealthRecommendation(
                Invariant($"Revise \"{result.Topic}\": {result.PassRate:0.#} % of its assessment results pass, with an average score of {result.AverageScore:0.#} %."),
                result.PassRate < 50 ? "high" : "medium",
                "content_improvement",
                Affects(topic.Submitters)));
        }

        foreach (var (point, topic) in dropOffPoints)
        {
            recommendations.Add(new CourseHealthRecommendation(
                Invariant($"Review the pacing of \"{point.ModuleName}\": {point.DropOffRate:0.#} % of the learners who reached it withdrew there."),
                point.Priority,
                "pacing",
                Affects(topic.Reached)));
        }

        return recommendations.OrderBy(r => PriorityRank(r.Priority)).ToArray();
    }

    public static int PriorityRank(string priority) => priority switch
    {
        "high" => 0,
        "medium" => 1,
        _ => 2,
    };

    private static string Affects(int students) => Invariant($"affects {Students(students)}");

    private static string Students(int count) => count == 1 ? "1 student" : Invariant($"{count} students");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double? Round1(double? value) => value is { } v ? Numbers.Round(v, 1) : null;

    /// <summary>Median: the mean of the two middle values when n is even (ANALYTICS.md §0.2); null for no values.</summary>
    public static double? Median(double[] values)
    {
        if (values.Length == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
