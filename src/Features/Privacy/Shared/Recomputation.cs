using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Jobs;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.Privacy.Shared;

/// <summary>
/// Queues the recomputation a privacy action calls for as refresh jobs (DATA_MODEL.md §2), inside the action's transaction, so the
/// jobs exist exactly when the change does; the NOTIFY of the queue statement reaches every instance's workers on commit.
/// </summary>
public static class Recomputation
{
    private const int MaxAnalyticsPerJob = 32;

    /// <summary>One job per subject (merged into a queued one); returns each subject's job, in the order the subjects first appear.</summary>
    public static async Task<IReadOnlyList<(RefreshSubject Subject, string JobId)>> EnqueueAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SnapshotAnalytics analytics, IEnumerable<RecomputeTarget> targets,
        string trigger, string? requestedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var jobs = new List<(RefreshSubject, string)>();
        foreach (var subject in targets.GroupBy(t => (t.SubjectType, t.SubjectId, t.Role)))
        {
            var ids = subject.Any(t => t.Analytic is null)
                ? analytics.ForSubjectType(subject.Key.SubjectType).Where(a => a.Role == subject.Key.Role).Select(a => a.Analytic)
                : subject.Select(t => t.Analytic!).Where(a => analytics.Find(subject.Key.SubjectType, a) is not null);
            var list = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxAnalyticsPerJob).ToArray();
            if (list.Length == 0)
            {
                continue;
            }

            var job = await connection.QueryFirstOrDefaultAsync<RefreshJobRow>(new CommandDefinition(
                SqlQueries.Get("Refresh.Enqueue"),
                new
                {
                    id = JobId.New(now),
                    subjectType = subject.Key.SubjectType,
                    subjectId = subject.Key.SubjectId,
                    role = subject.Key.Role,
                    analytics = list,
                    trigger,
                    requestedBy,
                    now,
                },
                transaction,
                cancellationToken: cancellationToken));
            if (job is not null)
            {
                jobs.Add((new RefreshSubject(subject.Key.SubjectType, subject.Key.SubjectId, subject.Key.Role), job.JobId));
            }
        }

        return jobs;
    }
}
