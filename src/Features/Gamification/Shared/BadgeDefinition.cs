namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>One badge of ANALYTICS.md §6.2: a family tier (or a single milestone) earned when its evidence count reaches Threshold.</summary>
public sealed record BadgeDefinition(
    string Id, string Family, int Tier, string Name, string Description, string Category, string Evidence, int Threshold);
