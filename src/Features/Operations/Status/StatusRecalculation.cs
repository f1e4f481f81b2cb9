namespace Analytics.Api.Features.Operations.Status;

/// <summary>
/// The latest recalculation run; every field null before the first. `Status` is a job status of API.md §4.9 (`abandoned` is
/// `failed`); `DurationSeconds` runs on while the run does; `Rows` counts the snapshots that still carry the run's id.
/// </summary>
public sealed record StatusRecalculation(DateTimeOffset? LastRunAt, string? Status, long? DurationSeconds, int? Subjects, long? Rows)
{
    public static StatusRecalculation None { get; } = new(null, null, null, null, null);
}
