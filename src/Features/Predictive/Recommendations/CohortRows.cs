namespace Analytics.Api.Features.Predictive.Recommendations;

/// <summary>A topic of the trainer's courses with the learners' mean best score, pass rate over (learner, assessment) pairs and threshold (pct).</summary>
public sealed record StrugglingTopicRow(
    string TopicId, string TopicTitle, string CourseTitle, int Learners, double AverageScore, double PassRate, double PassThreshold);

/// <summary>An active, not opted-out student of a course with the inputs of the drop-off rule (§5.1 A).</summary>
public sealed record CohortRiskRow(string CourseId, string CourseTitle, string UserId, int? Engagement, string? Momentum, bool Progressed);

/// <summary>A topic reached by learners, and the withdrawn learners whose last reached topic it was.</summary>
public sealed record DropOffTopicRow(string TopicId, string TopicTitle, string CourseTitle, int Reached, int Dropped);

/// <summary>A course's mean rating (1–5) and its number of raters.</summary>
public sealed record CourseRatingRow(string CourseId, string CourseTitle, int Raters, double AverageRating);

/// <summary>Weeks of the last 12 with activity in the cohort's courses, and the learners behind it.</summary>
public sealed record CohortActivityRow(int Weeks, int Learners);
