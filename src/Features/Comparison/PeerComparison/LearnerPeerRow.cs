namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>A learner of the group as PeerComparison.Learners reads it (ratios; progress of active enrolments).</summary>
public sealed record LearnerPeerRow(
    string Id, double? Velocity, double? Engagement, double? Mastery, double? Performance, double ProgressTotal, int ProgressEnrolments)
{
    public PeerMember ToMember() => new(Id, [Velocity, Engagement, Mastery, Performance], ProgressTotal, ProgressEnrolments);
}
