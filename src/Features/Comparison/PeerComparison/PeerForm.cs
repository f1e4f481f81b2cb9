namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>
/// What a subject type is compared on (ANALYTICS.md §4.1): the metric names (in the order of <see cref="PeerMember.Values"/>),
/// their words for insights, the peer group's name, which metric is the group's engagement, and whether skills and enrolment
/// progress belong to the form (learners only).
/// </summary>
public sealed record PeerForm(
    string PeerGroup, IReadOnlyList<string> Metrics, IReadOnlyList<string> Labels, int? EngagementMetric, bool HasSkillsAndProgress)
{
    public static PeerForm Learner(string scope) => new(
        scope, ["learning_velocity", "engagement", "mastery", "performance"], ["learning velocity", "engagement", "mastery", "performance"], 1, true);

    public static PeerForm Trainers { get; } = new(
        "organisation-trainers",
        ["teaching_effectiveness", "completion_rate", "pass_rate", "rating"],
        ["teaching effectiveness", "completion rate", "pass rate", "rating"],
        null,
        false);

    public static PeerForm Organisations { get; } = new(
        "platform-organisations",
        ["participation", "completion", "engagement", "alignment"],
        ["participation", "completion", "engagement", "strategic alignment"],
        2,
        false);
}
