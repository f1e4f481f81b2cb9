namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// What one file gave: data rows read, records written to the store from them (studentVle: activity_days keys after duplicates are
/// summed), rows rejected (a missing parent: unknown presentation, assessment, site or registration) and rows skipped by
/// <c>--include</c>/<c>--exclude</c>.
/// </summary>
public sealed record OuladFileResult(string File, long RowsRead, long RowsWritten, long RowsRejected, long RowsSkipped);
