namespace Analytics.Api.Features.Reports.Shared;

/// <summary>Wakes this instance's report workers when a report is queued here (others find it at their next poll).</summary>
public sealed class ReportQueueSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
