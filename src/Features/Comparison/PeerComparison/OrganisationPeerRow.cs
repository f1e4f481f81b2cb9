namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>An organisation of the platform with the four figures of the org-cohort form (ratios).</summary>
public sealed record OrganisationPeerRow(string Id, double? Participation, double? Completion, double? Engagement, double? Alignment)
{
    public PeerMember ToMember() => new(Id, [Participation, Completion, Engagement, Alignment]);
}
