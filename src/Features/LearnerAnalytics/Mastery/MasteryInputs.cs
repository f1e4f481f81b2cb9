namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

/// <summary>Everything the mastery calculator reads for one learner, as the query returns it.</summary>
public sealed record MasteryInputs(
    IReadOnlyList<MasteryPathRow> Paths,
    IReadOnlyList<MasteryPathSkill> PathSkills,
    IReadOnlyList<MasteryPathTopic> PathTopics,
    IReadOnlyList<MasteryEnrolmentSkill> EnrolmentSkills,
    IReadOnlyList<string> TargetSkillIds,
    IReadOnlyList<MasterySkillFact> Skills,
    IReadOnlyList<MasteryEvidence> Evidence);
