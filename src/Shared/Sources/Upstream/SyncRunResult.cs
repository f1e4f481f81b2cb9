namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>The end of a sync run: its status (completed, partial, failed), counters and the passes that failed.</summary>
public sealed record SyncRunResult(
    string RunId,
    string Status,
    long RowsRead,
    long RowsWritten,
    long RowsDeleted,
    long RowsRejected,
    int Passes,
    IReadOnlyList<string> Failures,
    TimeSpan Elapsed);
