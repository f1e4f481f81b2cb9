namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.content_items (DATA_MODEL.md §1.1); <see cref="SourceType"/> keeps the raw upstream type.</summary>
public readonly record struct ContentItemRecord(
    string Id,
    string CourseId,
    string? TopicId,
    string? Title,
    string Type,
    string? SourceType,
    string? CreationMethod,
    int? DurationS);
