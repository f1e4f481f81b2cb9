using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>Everything gamification reads about one learner in one round trip.</summary>
public sealed record LearnerFacts(
    SubjectContext Context,
    IReadOnlyList<PointFact> Facts,
    IReadOnlyList<DateOnly> ActiveDays,
    ILookup<string, DateOnly> Evidence,
    IReadOnlyList<AwardedPoints> Awarded);
