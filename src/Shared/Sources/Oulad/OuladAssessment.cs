namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// An assessment (assessments.csv) as <c>oulad-a-&lt;id&gt;</c>: TMA → assignment, CMA → quiz, Exam → exam; due_on = day 0 + date,
/// or ends_on when the file gives no date (<see cref="HasDate"/> false); pass mark 40.
/// </summary>
public sealed record OuladAssessment(int IdAssessment, int Course, string AssessmentType, string Kind, DateOnly DueOn, bool HasDate, decimal Weight)
{
    public const decimal PassThresholdPct = 40m;

    public string Id { get; } = $"oulad-a-{IdAssessment}";

    /// <summary>E.g. <c>TMA 2</c>: the type and its rank by due date within the presentation.</summary>
    public string Title { get; init; } = "";

    /// <summary>The derived block the assessment closes (TMA and CMA only).</summary>
    public string? TopicId { get; init; }
}
