namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.feedback: a course rating 1–5.</summary>
public readonly record struct FeedbackRecord(string Id, string CourseId, string UserId, short Rating, string? Comment, DateTimeOffset SubmittedAt);
