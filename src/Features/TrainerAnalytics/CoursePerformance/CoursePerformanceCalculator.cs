using System.Globalization;
using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.TrainerAnalytics.CoursePerformance;

/// <summary>
/// Course performance, `course-performance@1.0` (ANALYTICS.md §2.1): per course enrolments, active students, [d] finished-based
/// completion, mean course score and course health (#8) with its 30-day trend, plus rule-based insights. Every course of the
/// trainer stays in `courses[]`; below k enrolments its rates and averages are null and listed in `suppressedFields`.
/// </summary>
public static class CoursePerformanceCalculator
{
    public const string DefinitionVersion = "course-performance@1.0";

    /// <summary>Health now vs 30 days earlier: more than ±5 points is a trend.</summary>
    public const int TrendDays = CourseFacts.TrendDays;

    private const double TrendBand = 5;
    private const double EnrolmentChangeBand = 0.10;
    private const int RecommendedCourses = 2;
    private const int RecommendationsPerCourse = 3;

    public static (CoursePerformancePayload Payload, SuppressionInfo? Suppression) Compute(
        DateOnly asOf,
        IReadOnlyList<TrainerCourse> courses,
        CourseHealthData data,
        int minGroupSize,
        bool providesFeedback,
        CourseHealthSettings settings,
        CohortSettings cohort)
    {
        var earlier = asOf.AddDays(-TrendDays);
        var rows = courses
            .Select(course =>
            {
                var outcome = data.Outcome(course.Id, asOf);
                var health = CourseHealthCalculator.Compute(
                    new CourseHealthInput(course, outcome, data.SignalsOf(course.Id, asOf), data.TopicsOf(course.Id), minGroupSize, providesFeedback, asOf),
                    settings,
                    cohort);
                var earlierEngagements = data.SignalsOf(course.Id, earlier).Select(s => CohortSignalCalculator.Engagement(s, cohort)).ToArray();
                var earlierHealth = CourseHealthCalculator.Score(
                    CourseHealthCalculator.Components(data.Outcome(course.Id, earlier), earlierEngagements, minGroupSize, providesFeedback, settings),
                    settings);
                return (Course: course, Outcome: outcome, Health: health, EarlierHealth: earlierHealth.Value);
            })
            .OrderByDescending(r => r.Outcome.Enrollments)
            .ThenBy(r => r.Course.Id, StringComparer.Ordinal)
            .ToArray();

        var suppressedFields = new List<string>();
        var suppressedCourses = 0;
        var listed = new List<CoursePerformanceCourse>();
        for (var i = 0; i < rows.Length; i++)
        {
            var (course, outcome, health, earlierHealth) = rows[i];
            var visible = outcome.Enrollments >= minGroupSize;
            var scoreVisible = visible && outcome.ScoredLearners >= minGroupSize;
            // A course without enrolments withholds nothing: its figures are unknown, not suppressed.
            if (!visible && outcome.Enrollments > 0)
            {
                suppressedFields.AddRange(
                [
                    $"courses[{Index(i)}].trend", $"courses[{Index(i)}].healthScore", $"courses[{Index(i)}].completionRate",
                    $"courses[{Index(i)}].averageScore",
                ]);
            }
            else if (!scoreVisible && outcome.ScoredLearners > 0)
            {
                suppressedFields.Add($"courses[{Index(i)}].averageScore");
            }

            if (outcome.Enrollments > 0 && (!visible || (!scoreVisible && outcome.ScoredLearners > 0)))
            {
                suppressedCourses++;
            }

            listed.Add(new CoursePerformanceCourse(
                course.Id,
                course.Id,
                course.Title,
                visible ? TrendOf(health.Health, earlierHealth) : null,
                visible ? health.Payload.HealthScore : null,
                outcome.Enrollments,
                outcome.ActiveStudents,
                visible ? Round1(outcome.CompletionRate) : null,
                scoreVisible ? Round1(outcome.MeanCourseScore) : null));
        }

        var visibleRows = rows.Where(r => r.Outcome.Enrollments >= minGroupSize).ToArray();
        var completionRates = visibleRows.Select(r => r.Outcome.CompletionRate).OfType<double>().ToArray();
        var healthValues = visibleRows.Select(r => r.Health.Health).OfType<double>().ToArray();
        var payload = new CoursePerformancePayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            DataStatus = rows.Length == 0 ? DataStatuses.NoData : DataStatuses.Ok,
            Summary = new CoursePerformanceSummary(
                rows.Length,
                rows.Sum(r => r.Outcome.Enrollments),
                completionRates.Length > 0 ? Numbers.Round(completionRates.Average(), 1) : null,
                healthValues.Length > 0 ? Numbers.Round(healthValues.Average(), 1) : null),
            Courses = listed,
            Insights = visibleRows.SelectMany(r => Insights(r.Course, r.Outcome, r.Health.AtRiskStudents, settings)).ToArray(),
            Recommendations = visibleRows
                .Where(r => r.Health.Health is not null)
                .OrderBy(r => r.Health.Health)
                .ThenBy(r => r.Course.Id, StringComparer.Ordinal)
                .Take(RecommendedCourses)
                .SelectMany(r => r.Health.Payload.Recommendations
                    .Take(RecommendationsPerCourse)
                    .Select(recommendation => $"{r.Course.Title}: {recommendation.Suggestion}"))
                .ToArray(),
            SuppressedFields = suppressedFields.Count > 0 ? suppressedFields : null,
        };
        return (payload, SuppressionInfo.Segments(minGroupSize, suppressedCourses));
    }

    /// <summary>
    /// The courses whose #8 recommendations the payload quotes: the two lowest-health ones. Health does not depend on the
    /// per-topic facts, so the handler reads those only for these courses.
    /// </summary>
    public static IReadOnlyList<string> CoursesQuotedForRecommendations(
        DateOnly asOf,
        IReadOnlyList<TrainerCourse> courses,
        CourseHealthData data,
        int minGroupSize,
        bool providesFeedback,
        CourseHealthSettings settings,
        CohortSettings cohort) =>
        courses
            .Select(course => (Course: course, Health: CourseHealthCalculator.Compute(
                new CourseHealthInput(course, data.Outcome(course.Id, asOf), data.SignalsOf(course.Id, asOf), [], minGroupSize, providesFeedback, asOf),
                settings,
                cohort)))
            .Where(r => r.Health.Health is not null)
            .OrderBy(r => r.Health.Health)
            .ThenBy(r => r.Course.Id, StringComparer.Ordinal)
            .Take(RecommendedCourses)
            .Select(r => r.Course.Id)
            .ToArray();

    /// <summary>The empty shape: no course in the requested view.</summary>
    public static CoursePerformancePayload Empty(DateOnly asOf) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        DataStatus = DataStatuses.NoData,
        Summary = new CoursePerformanceSummary(0, 0, null, null),
        Courses = [],
        Insights = [],
        Recommendations = [],
    };

    /// <summary>improving / declining when health moved more than 5 points in 30 days; stable otherwise or without an earlier value.</summary>
    public static string? TrendOf(double? health, double? earlierHealth)
    {
        if (health is not { } now)
        {
            return null;
        }

        if (earlierHealth is not { } then)
        {
            return "stable";
        }

        var change = Numbers.Exact(now - then);
        return change > TrendBand ? "improving" : change < -TrendBand ? "declining" : "stable";
    }

    /// <summary>Completion under target; learners at high risk; enrolments of the last 90 days against the 90 before, beyond ±10 %.</summary>
    private static IEnumerable<string> Insights(TrainerCourse course, CourseOutcome outcome, int atRisk, CourseHealthSettings settings)
    {
        if (outcome.CompletionRate is { } rate && Numbers.Exact(rate) < settings.CompletionTargetPct)
        {
            yield return Invariant(
                $"{course.Title}: completion {Numbers.RoundToInt(rate)} % is {Numbers.RoundToInt(settings.CompletionTargetPct - rate)} points under target");
        }

        if (atRisk > 0)
        {
            yield return Invariant($"{course.Title}: {atRisk} {(atRisk == 1 ? "student" : "students")} at high risk");
        }

        if (outcome.EnrolledPrevious90 > 0)
        {
            var change = Numbers.Exact((outcome.EnrolledLast90 - outcome.EnrolledPrevious90) / (double)outcome.EnrolledPrevious90);
            if (Math.Abs(change) > EnrolmentChangeBand)
            {
                yield return Invariant(
                    $"{course.Title}: enrolments {(change > 0 ? "up" : "down")} {Numbers.RoundToInt(Math.Abs(change) * 100)} % in the last 90 days against the 90 before");
            }
        }
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double? Round1(double? value) => value is { } v ? Numbers.Round(v, 1) : null;
}
