namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>A topic of a course at asOf with its reach, drop-offs, engagement, content length and results (CourseTopics.sql).</summary>
public sealed record CourseTopic(
    string CourseId,
    string TopicId,
    string Title,
    int Position,
    int Reached,
    int Dropped,
    double? MedianEvents,
    double? MedianItemSeconds,
    double? CourseMedianItemSeconds,
    int Submitters,
    double? AverageScore,
    double? PassRate,
    double? AverageAttempts,
    double? PassThreshold);
