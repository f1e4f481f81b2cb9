namespace Analytics.Api.Features.Gamification.Achievements;

/// <summary>`categories.<name>` {earned, available, total}.</summary>
public sealed record AchievementCount(int Earned, int Available, int Total);
