namespace Analytics.Api.Features.TrainerAnalytics.TeachingEffectiveness;

/// <summary>One trainer's learners, finished enrolments, passed pairs and ratings at asOf (TeachingEffectiveness.sql, statement 1).</summary>
public sealed record TrainerOutcome(
    string TrainerId,
    int Learners,
    int Completed,
    int Withdrawn,
    int OverdueActive,
    int ScoredLearners,
    int Pairs,
    int PassedPairs,
    int Ratings,
    int Raters,
    int RatingSum,
    int RecentRatings,
    int RecentRaters,
    int RecentRatingSum,
    int PreviousRatings,
    int PreviousRaters,
    int PreviousRatingSum);
