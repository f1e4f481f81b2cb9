using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>Course health of one course: the payload, the unrounded health, the at-risk count, and what privacy withheld.</summary>
public sealed record CourseHealthResult(
    CourseHealthPayload Payload,
    double? Health,
    int AtRiskStudents,
    int SuppressedSegments,
    SuppressionInfo? Suppression);
