namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>The running totals of a sync run, shared by its parallel organisation passes.</summary>
public sealed class SyncCounters
{
    private long _read;
    private long _written;
    private long _deleted;
    private long _rejected;
    private int _passes;
    private int _organisationsDone;

    public long Read => Interlocked.Read(ref _read);

    public long Written => Interlocked.Read(ref _written);

    public long Deleted => Interlocked.Read(ref _deleted);

    public long Rejected => Interlocked.Read(ref _rejected);

    public int Passes => Volatile.Read(ref _passes);

    public int OrganisationsDone => Volatile.Read(ref _organisationsDone);

    public int Organisations { get; set; }

    /// <summary>What started the run, kept in every progress write (the job object of API.md §4.9).</summary>
    public required SyncRequest Request { get; init; }

    /// <summary>The services the run covers (API names).</summary>
    public required IReadOnlyList<string> Upstreams { get; init; }

    public System.Collections.Concurrent.ConcurrentQueue<string> Failures { get; } = new();

    public void Add(long read, PageWriteResult result)
    {
        Interlocked.Add(ref _read, read);
        Interlocked.Add(ref _written, result.Written);
        Interlocked.Add(ref _deleted, result.Deleted);
        Interlocked.Add(ref _rejected, result.Rejected);
    }

    public void AddDeleted(long rows) => Interlocked.Add(ref _deleted, rows);

    public void PassDone() => Interlocked.Increment(ref _passes);

    public void OrganisationDone() => Interlocked.Increment(ref _organisationsDone);

    public string Progress(string stage) => System.Text.Json.JsonSerializer.Serialize(new
    {
        stage,
        trigger = Request.Trigger,
        requestedBy = Request.RequestedBy,
        upstreams = Upstreams,
        organisations = Organisations,
        organisationsDone = OrganisationsDone,
        passes = Passes,
        failedPasses = Failures.Count,
        rowsRead = Read,
        rowsWritten = Written,
        rowsDeleted = Deleted,
        rowsRejected = Rejected,
    });
}
