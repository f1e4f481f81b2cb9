using System.Collections.Concurrent;

namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// The live refresh jobs by subject, kept in memory from the queue's notifications so a cached read can say whether its subject
/// is being recalculated without a database round trip. Holds only live jobs, so it is as small as the queue.
/// </summary>
public sealed class ActiveRefreshes
{
    private readonly ConcurrentDictionary<RefreshSubject, ActiveRefresh> _bySubject = new();

    public int Count => _bySubject.Count;

    public ActiveRefresh? Find(RefreshSubject subject) => _bySubject.GetValueOrDefault(subject);

    public void Apply(RefreshJobRow job)
    {
        if (job.Status is "queued" or "running")
        {
            _bySubject[job.Subject] = new ActiveRefresh(job.JobId, job.Status, job.Analytics);
        }
        else
        {
            // Only the job that ended is removed: a newer job of the same subject may already have been announced.
            if (_bySubject.TryGetValue(job.Subject, out var current) && current.JobId == job.JobId)
            {
                _bySubject.TryRemove(new KeyValuePair<RefreshSubject, ActiveRefresh>(job.Subject, current));
            }
        }
    }

    public void ReplaceAll(IEnumerable<RefreshJobRow> jobs)
    {
        _bySubject.Clear();
        foreach (var job in jobs)
        {
            Apply(job);
        }
    }
}
