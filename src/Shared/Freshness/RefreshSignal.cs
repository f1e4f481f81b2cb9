namespace Analytics.Api.Shared.Freshness;

/// <summary>Wakes this instance's idle refresh workers when a job is queued, here or (through NOTIFY) on another instance.</summary>
public sealed class RefreshSignal : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0, int.MaxValue);

    public void Pulse() => _queued.Release();

    /// <summary>Waits for a pulse or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _queued.Dispose();
}
