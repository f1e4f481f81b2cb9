namespace Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>What the calculator needs: asOf, k, and the rows of the organisation statement.</summary>
public sealed record LearningVelocityInput(
    DateOnly AsOf,
    int MinGroupSize,
    IReadOnlyList<LearningVelocityGroup> Groups,
    UnitCompletions UnitCompletions,
    TimeToSkill TimeToSkill);
