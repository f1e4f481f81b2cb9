namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

/// <summary>Mastery evidence for a skill on a local day: <see cref="Kind"/> is `score` (≥ Mastery:ScorePct) or `practice` (passed).</summary>
public sealed record MasteryEvidence(string SkillId, string Kind, DateOnly Day)
{
    public const string Score = "score";
    public const string Practice = "practice";
}
