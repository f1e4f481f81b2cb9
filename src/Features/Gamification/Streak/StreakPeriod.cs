namespace Analytics.Api.Features.Gamification.Streak;

/// <summary>`streakHistory[]` {startDate, endDate, length, status active|broken}; endDate is the run's last active day.</summary>
public sealed record StreakPeriod(DateOnly StartDate, DateOnly EndDate, int Length, string Status);
