namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>One of the subject's skills against the peers holding a row for it: levels as level/4 (ratios, 3 dp).</summary>
public sealed record SkillComparison(
    string SkillId, string SkillName, double UserLevel, double PeerAverage, double PeerMedian, int Ranking, int Percentile);
