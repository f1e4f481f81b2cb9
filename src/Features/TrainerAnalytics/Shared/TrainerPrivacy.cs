using System.Globalization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>The k-anonymity answers of ANALYTICS.md §0.5 and API.md §3.5 as the trainer analytics give them.</summary>
public static class TrainerPrivacy
{
    public static string Message(int minGroupSize) =>
        string.Create(CultureInfo.InvariantCulture, $"Insufficient data: fewer than {minGroupSize} people in this group.");

    /// <summary>The whole response withheld: the group is smaller than k.</summary>
    public static SuppressionInfo GroupTooSmall(int minGroupSize) => new(SuppressionInfo.GroupTooSmall, minGroupSize, 0);

    /// <summary>Rows below k left out (or, in course-performance, nulled) and counted; null when nothing was withheld.</summary>
    public static SuppressionInfo? Segments(int minGroupSize, int suppressedSegments) =>
        suppressedSegments > 0 ? new SuppressionInfo(SuppressionInfo.SegmentsTooSmall, minGroupSize, suppressedSegments) : null;
}
