namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>A course's enrolment, completion, score and rating facts on one analysis day (CourseOutcomes.sql).</summary>
public sealed record CourseOutcome(
    string CourseId,
    DateOnly AsOf,
    int Enrollments,
    int ActiveEnrolments,
    int ActiveStudents,
    int Completed,
    int Withdrawn,
    int OverdueActive,
    int EnrolledLast90,
    int EnrolledPrevious90,
    int ScoredLearners,
    double? MeanCourseScore,
    int Pairs,
    int PassedPairs,
    int Ratings,
    int Raters,
    int RatingSum,
    int Promoters,
    int Detractors,
    int Satisfied,
    int RecentRaters,
    int RecentRatings,
    int RecentRatingSum,
    int PreviousRaters,
    int PreviousRatings,
    int PreviousRatingSum)
{
    /// <summary>[d] finished-based completion (ANALYTICS.md §2.1): completed / (completed + withdrawn + active past E(e)) × 100.</summary>
    public double? CompletionRate
    {
        get
        {
            var finished = Completed + Withdrawn + OverdueActive;
            return finished == 0 ? null : 100.0 * Completed / finished;
        }
    }

    public double? MeanRating => Ratings == 0 ? null : (double)RatingSum / Ratings;

    /// <summary>An empty course: no enrolment counted on that day.</summary>
    public static CourseOutcome Empty(string courseId, DateOnly asOf) =>
        new(courseId, asOf, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
