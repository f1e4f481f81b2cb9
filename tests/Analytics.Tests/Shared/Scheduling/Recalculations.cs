using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Scheduling;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Shared.Scheduling;

/// <summary>
/// Recalculations on the test host's store with settings and analytics of the test's choosing (an instance name, small chunks, an
/// analytic that stops the run at a chosen call), built from the host's own registrations.
/// </summary>
public static class Recalculations
{
    public static IServiceProvider Services => TestHost.Factory.Services;

    public static BatchRuns Runs => Services.GetRequiredService<BatchRuns>();

    public static RecalculationSettings Settings(string instance, int chunkSize, int parallelism = 1) =>
        new(ChunkSize: chunkSize, Parallelism: parallelism, AbandonAfterSeconds: 120, Instance: instance);

    public static Recalculation Create(RecalculationSettings settings, params ISnapshotAnalytic[] analytics) =>
        ActivatorUtilities.CreateInstance<Recalculation>(Services, settings, new SnapshotAnalytics(analytics));

    /// <summary>The host's stored analytics, with <paramref name="replace"/> standing in for the one of the same id.</summary>
    public static ISnapshotAnalytic[] All(ISnapshotAnalytic? replace = null) =>
        Services.GetRequiredService<SnapshotAnalytics>().All
            .Select(a => replace is not null && a.Analytic == replace.Analytic && a.SubjectType == replace.SubjectType ? replace : a)
            .ToArray();

    public static ISnapshotAnalytic Analytic(string subjectType, string analytic) =>
        Services.GetRequiredService<SnapshotAnalytics>().Find(subjectType, analytic)
        ?? throw new InvalidOperationException($"no stored analytic {subjectType}/{analytic}");

    public static async Task<BatchRunRow> GetAsync(string runId) =>
        await Runs.GetAsync(runId, CancellationToken.None) ?? throw new InvalidOperationException($"run {runId} not found");

    /// <summary>Ends a run a failed test left running, so ux_batch_runs_running lets the next test start one.</summary>
    public static Task AbandonAsync(string runId) =>
        TestStore.ExecuteAsync(
            "UPDATE analytics.batch_runs SET status = 'abandoned', finished_at = now() WHERE id = @runId AND status = 'running'",
            new { runId });

    public static async Task<IReadOnlyList<string>> LearnersAsync(string organisationId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestHost.ConnectionString);
        return (await Dapper.SqlMapper.QueryAsync<string>(connection,
            """
            SELECT r.user_id FROM lrs.user_roles r JOIN lrs.users u ON u.id = r.user_id
            WHERE r.role = 'learner' AND u.organisation_id = @organisationId ORDER BY r.user_id COLLATE "C"
            """, new { organisationId })).ToArray();
    }
}

/// <summary>Delegates to a real analytic and runs <paramref name="beforeCall"/> (with the call's number, from 1) first.</summary>
public sealed class InterceptedAnalytic(ISnapshotAnalytic inner, Action<int, CancellationToken> beforeCall) : ISnapshotAnalytic
{
    private int _calls;

    public string Analytic => inner.Analytic;

    public string SubjectType => inner.SubjectType;

    public string Role => inner.Role;

    public int Stage => inner.Stage;

    public Task<IReadOnlyList<SnapshotComputation>> ComputeAsync(IServiceProvider services, IReadOnlyList<string> subjectIds, CancellationToken cancellationToken)
    {
        beforeCall(Interlocked.Increment(ref _calls), cancellationToken);
        return inner.ComputeAsync(services, subjectIds, cancellationToken);
    }
}
