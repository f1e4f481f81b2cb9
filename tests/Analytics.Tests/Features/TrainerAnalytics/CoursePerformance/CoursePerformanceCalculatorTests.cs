using Analytics.Api.Features.TrainerAnalytics.CoursePerformance;
using Analytics.Api.Features.TrainerAnalytics.Shared;

namespace Analytics.Tests.Features.TrainerAnalytics.CoursePerformance;

/// <summary>Course performance of ANALYTICS.md §2.1: rows, the k rule that keeps every course, summary, trend and insights.</summary>
public sealed class CoursePerformanceCalculatorTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly DateOnly Earlier = AsOf.AddDays(-CoursePerformanceCalculator.TrendDays);

    private static CourseOutcome Outcome(string courseId, DateOnly asOf, int enrollments) =>
        CourseOutcome.Empty(courseId, asOf) with
        {
            Enrollments = enrollments,
            ActiveEnrolments = enrollments - 4,
            ActiveStudents = enrollments - 6,
            Completed = 2,
            Withdrawn = 2,
            ScoredLearners = enrollments,
            MeanCourseScore = 71.25,
            Pairs = enrollments,
            PassedPairs = enrollments / 2,
            EnrolledLast90 = 12,
            EnrolledPrevious90 = 10,
        };

    [Test]
    public void Compute_KeepsACourseBelowKWithItsAggregatesNulledAndListed()
    {
        TrainerCourse[] courses = [new("small", "Small course", 5), new("big", "Big course", 16)];
        var data = new CourseHealthData(
            [Outcome("big", AsOf, 20), Outcome("big", Earlier, 20), Outcome("small", AsOf, 9), Outcome("small", Earlier, 9)], [], []);

        var (payload, suppression) = CoursePerformanceCalculator.Compute(AsOf, courses, data, 10, true, new CourseHealthSettings(), new CohortSettings());

        var big = payload.Courses[0];
        var small = payload.Courses[1];
        Assert.Multiple(() =>
        {
            Assert.That(payload.Courses.Select(c => c.Id), Is.EqualTo(new[] { "big", "small" }), "sorted by enrolments");
            Assert.That(big.CourseId, Is.EqualTo(big.Id));
            Assert.That(big.CompletionRate, Is.EqualTo(50));
            Assert.That(big.AverageScore, Is.EqualTo(71.3));
            Assert.That(big.HealthScore, Is.Not.Null);
            Assert.That(big.Trend, Is.EqualTo("stable"));
            Assert.That(small.Enrollments, Is.EqualTo(9), "a plain head-count stays");
            Assert.That(small.CompletionRate, Is.Null);
            Assert.That(small.AverageScore, Is.Null);
            Assert.That(small.HealthScore, Is.Null);
            Assert.That(small.Trend, Is.Null);
            Assert.That(payload.SuppressedFields, Is.EquivalentTo(new[]
            {
                "courses[1].trend", "courses[1].healthScore", "courses[1].completionRate", "courses[1].averageScore",
            }));
            Assert.That(suppression?.Reason, Is.EqualTo("SEGMENTS_TOO_SMALL"));
            Assert.That(suppression?.SuppressedSegments, Is.EqualTo(1));
            Assert.That(payload.Summary.TotalCourses, Is.EqualTo(2));
            Assert.That(payload.Summary.TotalEnrollments, Is.EqualTo(29));
            Assert.That(payload.Summary.AverageCompletionRate, Is.EqualTo(50), "the small course has no value, so it is not averaged");
            Assert.That(payload.Insights, Does.Contain("Big course: completion 50 % is 25 points under target"));
            Assert.That(payload.Insights, Does.Contain("Big course: enrolments up 20 % in the last 90 days against the 90 before"));
            Assert.That(payload.Insights, Has.None.StartsWith("Small course"));
        });
    }

    [TestCase(70.0, 64.0, "improving")]
    [TestCase(70.0, 65.0, "stable")]
    [TestCase(60.0, 65.5, "declining")]
    [TestCase(60.0, null, "stable")]
    public void TrendOf_ComparesHealthWith30DaysEarlier(double now, double? earlier, string expected)
    {
        Assert.That(CoursePerformanceCalculator.TrendOf(now, earlier), Is.EqualTo(expected));
    }

    [Test]
    public void TrendOf_WithoutCurrentHealth_IsNull()
    {
        Assert.That(CoursePerformanceCalculator.TrendOf(null, 50), Is.Null);
    }
}
