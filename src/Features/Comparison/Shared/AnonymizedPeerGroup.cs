namespace Analytics.Api.Features.Comparison.Shared;

/// <summary>`anonymizedPeerData[]`: the peer group's averages (ratios) and its two strongest and weakest skills by mean level.</summary>
public sealed record AnonymizedPeerGroup(
    string PeerGroup,
    double? AverageProgress,
    double? AverageEngagement,
    IReadOnlyList<string> CommonStrengths,
    IReadOnlyList<string> CommonChallenges);
