namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>A level of ANALYTICS.md §6.2: its number, name and point range [Start, End), End being the next level's start.</summary>
public sealed record Level(int Number, string Name, long Start, long End)
{
    /// <summary>levelProgress = (points − levelStart)/(levelEnd − levelStart), ratio 2 dp.</summary>
    public double Progress(long points) => Analytics.Api.Shared.Analytics.Numbers.Round((double)(points - Start) / (End - Start), 2);

    /// <summary>nextLevelPoints = levelEnd − points.</summary>
    public long NextLevelPoints(long points) => End - points;
}
