using System.Globalization;

namespace Analytics.Api.Shared.Analytics;

/// <summary>
/// `meta.suppression` (API.md §3.5): why content was withheld, k, and how many segments were left out; and the k-anonymity
/// answers of ANALYTICS.md §0.5 every aggregate analytic gives.
/// </summary>
public sealed record SuppressionInfo(string Reason, int MinGroupSize, int SuppressedSegments)
{
    public const string GroupTooSmall = "GROUP_TOO_SMALL";
    public const string SegmentsTooSmall = "SEGMENTS_TOO_SMALL";
    public const string PredictiveOptOut = "PREDICTIVE_OPT_OUT";

    /// <summary>The `message` of a whole-response suppression.</summary>
    public static string MessageFor(int minGroupSize) =>
        string.Create(CultureInfo.InvariantCulture, $"Insufficient data: fewer than {minGroupSize} people in this group.");

    /// <summary>The whole response withheld: the group is smaller than k.</summary>
    public static SuppressionInfo WholeGroup(int minGroupSize) => new(GroupTooSmall, minGroupSize, 0);

    /// <summary>Rows below k left out (or nulled) and counted; null when nothing was withheld.</summary>
    public static SuppressionInfo? Segments(int minGroupSize, int suppressedSegments) =>
        suppressedSegments > 0 ? new SuppressionInfo(SegmentsTooSmall, minGroupSize, suppressedSegments) : null;
}
