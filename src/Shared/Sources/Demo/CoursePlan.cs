namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A course with its latent traits (difficulty d, quality q, trainer effect t) and its structure.</summary>
public sealed class CoursePlan
{
    public required int Index { get; init; }
    public required string Id { get; init; }
    public required int Organisation { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }

    /// <summary>Null for self-paced courses, which have only <see cref="LengthDays"/>.</summary>
    public required DateOnly? StartsOn { get; init; }

    public required int LengthDays { get; init; }
    public required double Difficulty { get; init; }
    public required double Quality { get; init; }
    public required double TrainerEffect { get; init; }
    public required decimal PassThreshold { get; init; }
    public required IReadOnlyList<TopicPlan> Topics { get; init; }
    public required IReadOnlyList<ContentItemPlan> Items { get; init; }
    public required IReadOnlyList<AssessmentPlan> Assessments { get; init; }
    public required IReadOnlyList<int> Skills { get; init; }
    public List<string> TrainerIds { get; } = [];

    public bool SelfPaced => StartsOn is null;

    public DateOnly? EndsOn => StartsOn?.AddDays(LengthDays - 1);

    /// <summary>Events a learner needs per topic (SOURCES.md §2.4: topic j is done at j/T × 40T·e^d cumulative events).</summary>
    public double EventsPerTopic => LatentModel.CompletionEventsPerTopic * Math.Exp(Difficulty);
}
