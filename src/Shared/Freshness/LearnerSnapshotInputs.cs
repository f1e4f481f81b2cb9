using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// Inputs from other analytics (ANALYTICS.md §0.7) for aggregates over many learners: an organisation analytic reads its
/// members' learner results (engagement, velocity, …) set-based from `analytics.analytics_snapshots` in its own statement. Before
/// that, <see cref="EnsureAsync"/> computes, through the learner analytic's own batch (<see cref="ISnapshotAnalytic"/>), and
/// stores the snapshots of the members that have none younger than 7 days. After a nightly run every member has one, so this is
/// one indexed anti-join.
/// </summary>
public sealed class LearnerSnapshotInputs(NpgsqlDataSource dataSource, SnapshotAnalytics analytics, SnapshotStore store, IServiceProvider services, TimeProvider timeProvider)
{
    private const int ChunkSize = 500;

    /// <summary>Makes sure every learner of the organisation (or department) has a recent snapshot of each analytic.</summary>
    public async Task EnsureAsync(
        string organisationId, string? departmentId, IReadOnlyList<string> learnerAnalytics, CancellationToken cancellationToken)
    {
        foreach (var analyticId in learnerAnalytics)
        {
            var analytic = analytics.Find("learner", analyticId)
                           ?? throw new InvalidOperationException($"No stored learner analytic '{analyticId}'.");
            IReadOnlyList<string> missing;
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                missing = (await connection.QueryAsync<string>(new CommandDefinition(
                    SqlQueries.Get("Snapshots.MissingLearners"),
                    new { organisationId, departmentId, analytic = analyticId, oldest = timeProvider.GetUtcNow() - SnapshotStore.Retention },
                    cancellationToken: cancellationToken))).AsList();
            }

            foreach (var chunk in missing.Chunk(ChunkSize))
            {
                var computed = await analytic.ComputeAsync(services, chunk, cancellationToken);
                var failed = computed.FirstOrDefault(c => c.Error is not null);
                if (failed is not null)
                {
                    throw new InvalidOperationException($"Computing {analyticId} of learner {failed.SubjectId} failed.", failed.Error);
                }

                await store.WriteAsync(
                    computed.Where(c => c.Result is not null)
                        .Select(c => new SnapshotWrite(SnapshotKey.Learner(c.SubjectId, analyticId), c.Result!, c.ComputeMs, null))
                        .ToArray(),
                    cancellationToken);
            }
        }
    }
}
