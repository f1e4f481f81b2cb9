namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.enrolments (DATA_MODEL.md §1.2).</summary>
public readonly record struct EnrolmentRecord(
    string Id,
    string CourseId,
    string UserId,
    DateOnly? EnrolledOn,
    string Kind,
    DateOnly? CompletedOn,
    DateOnly? WithdrawnOn,
    string Status,
    string? FinalResult,
    decimal? ProgressPct);
