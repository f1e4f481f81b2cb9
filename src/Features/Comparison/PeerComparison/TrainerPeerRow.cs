namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>A trainer of the organisation with the four teaching figures of the trainer-cohort form (ratios).</summary>
public sealed record TrainerPeerRow(string Id, double? OverallScore, double? CompletionRate, double? PassRate, double? Rating)
{
    public PeerMember ToMember() => new(Id, [OverallScore, CompletionRate, PassRate, Rating]);
}
