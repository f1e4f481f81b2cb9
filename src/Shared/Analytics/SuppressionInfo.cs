namespace Analytics.Api.Shared.Analytics;

/// <summary>`meta.suppression` (API.md §3.5): why content was withheld, k, and how many segments were left out.</summary>
public sealed record SuppressionInfo(string Reason, int MinGroupSize, int SuppressedSegments)
{
    public const string GroupTooSmall = "GROUP_TOO_SMALL";
    public const string SegmentsTooSmall = "SEGMENTS_TOO_SMALL";
    public const string PredictiveOptOut = "PREDICTIVE_OPT_OUT";
}
