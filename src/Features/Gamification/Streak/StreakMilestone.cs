namespace Analytics.Api.Features.Gamification.Streak;

/// <summary>`milestones[]` {milestone 7/30/90/365, achieved, achievedAt | progress}; progress = current streak / milestone (ratio).</summary>
public sealed record StreakMilestone(int Milestone, bool Achieved, DateOnly? AchievedAt, double? Progress);
