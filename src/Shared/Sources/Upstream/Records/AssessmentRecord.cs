namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.assessments (DATA_MODEL.md §1.3).</summary>
public readonly record struct AssessmentRecord(
    string Id,
    string CourseId,
    string? TopicId,
    string? Title,
    string Kind,
    DateOnly? DueOn,
    decimal Weight,
    decimal PassThresholdPct);
