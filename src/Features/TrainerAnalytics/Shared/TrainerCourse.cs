namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>A course the trainer teaches, with its active enrolments at asOf (the primary course has the most).</summary>
public sealed record TrainerCourse(string Id, string Title, int ActiveEnrolments);
