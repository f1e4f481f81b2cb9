namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>One configured level: its name and the lowest point total that reaches it (`Analytics:Gamification:Levels`).</summary>
public sealed record LevelThreshold(string Name, long Start);
