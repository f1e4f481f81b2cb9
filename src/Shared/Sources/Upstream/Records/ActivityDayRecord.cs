namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.activity_days: the full total of one learner, course, content item (or none) and local day.</summary>
public readonly record struct ActivityDayRecord(
    string UserId,
    string CourseId,
    string? ContentItemId,
    DateOnly Day,
    int Events,
    int RawRows,
    int? Minutes);
