namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// A drop-off cohort evaluated at asOf: k, the members who are not opted out with their evaluation, the number of opted-out
/// members, and the activity of the scored learners per pattern block.
/// </summary>
public sealed record DropOffCohort(
    int MinGroupSize,
    IReadOnlyList<DropOffCohortMember> Members,
    IReadOnlyList<DropOffLearnerRisk> Learners,
    int OptedOutCount,
    IReadOnlyList<DropOffBlockActivity> Blocks)
{
    public IReadOnlyList<DropOffLearnerRisk> ScoredLearners => Learners.Where(l => l.IsScored).ToArray();
}
