namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.submissions (DATA_MODEL.md §1.3).</summary>
public readonly record struct SubmissionRecord(
    string Id,
    string AssessmentId,
    string UserId,
    DateOnly SubmittedOn,
    DateTimeOffset? SubmittedAt,
    short Attempt,
    decimal? ScorePct,
    int? TimeSpentS,
    bool IsBanked);
