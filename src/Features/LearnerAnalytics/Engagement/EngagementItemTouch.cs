namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

/// <summary>A content item with events in 14-day window <see cref="WindowIndex"/> (0 = the last 14 days) and whether it was opened in the last 30 days.</summary>
public sealed record EngagementItemTouch(string ItemId, string CourseId, string Type, int WindowIndex, bool OpenedInLast30Days);
