namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>An enrolment with its course facts: s(e), E(e), progress units, last activity on the course and the pass threshold.</summary>
public sealed record ForecastEnrolmentRow(
    string CourseId,
    string? CourseTitle,
    DateOnly? EnrolledOn,
    DateOnly? CompletedOn,
    DateOnly? WithdrawnOn,
    DateOnly? CourseStartsOn,
    DateOnly? CourseEndsOn,
    int? LengthDays,
    int TotalUnits,
    DateOnly? LastActivityOn,
    double? PassThreshold)
{
    /// <summary>s(e) = courses.starts_on ?? enrolled_on (ANALYTICS.md §0.1).</summary>
    public DateOnly? Start => CourseStartsOn ?? EnrolledOn;

    /// <summary>E(e) = ends_on ?? enrolled_on + length_days ?? none (ANALYTICS.md §0.1).</summary>
    public DateOnly? ExpectedEnd => CourseEndsOn ?? (EnrolledOn is { } enrolled && LengthDays is { } days ? enrolled.AddDays(days) : null);

    /// <summary>The as-of status rule of DATA_MODEL.md §0.</summary>
    public bool IsActiveOn(DateOnly day) =>
        (EnrolledOn ?? CourseStartsOn) is { } start && start <= day
        && (WithdrawnOn is null || WithdrawnOn > day)
        && (CompletedOn is null || CompletedOn > day);
}
