using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Hosting;
using Analytics.Api.Shared.Sources.Upstream;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Operations.IntegrationHealth;

/// <summary>
/// The breakers of this instance (in memory) with the sync facts of the cluster (ops.sync_state). A service's last successful
/// sync is the oldest of its entities' (the data is as old as its oldest part); its status is `failed` when every pass of it is
/// failing, `partial` when some are, `never` before its first pass.
/// </summary>
public sealed class IntegrationHealthHandler(
    NpgsqlDataSource dataSource, UpstreamCircuits circuits, UpstreamSync sync, IConfiguration configuration, TimeProvider timeProvider)
    : IQueryHandler<IntegrationHealthQuery, IntegrationHealthReport>
{
    public async ValueTask<IntegrationHealthReport> Handle(IntegrationHealthQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var states = (await connection.QueryAsync<IntegrationSyncState>(new CommandDefinition(
            SqlQueries.Get("IntegrationHealth"), cancellationToken: cancellationToken))).ToDictionary(s => s.Entity, StringComparer.Ordinal);
        var upstreams = circuits.All.Select(circuit => Report(circuit, states)).ToArray();
        var enabled = upstreams.Where(u => u.Enabled).ToArray();
        var failing = enabled.Count(u => u.Breaker.State != "closed" || u.LastSyncStatus is "failed" or "partial");
        var status = enabled.Length > 0 && failing == enabled.Length ? "unhealthy" : failing > 0 ? "degraded" : "healthy";
        return new IntegrationHealthReport(status, timeProvider.GetUtcNow(), SourceModes.Current(configuration), upstreams);
    }

    private UpstreamHealth Report(UpstreamCircuit circuit, Dictionary<string, IntegrationSyncState> states)
    {
        var options = circuits.Options(circuit.Service);
        var own = sync.Feeds.Where(f => f.Service == circuit.Service)
            .Select(f => states.GetValueOrDefault(f.Entity)).OfType<IntegrationSyncState>().ToArray();
        var failingScopes = own.Sum(s => s.FailingScopes);
        var status = own.Length == 0 ? "never"
            : failingScopes == 0 ? "succeeded"
            : failingScopes == own.Sum(s => s.Scopes) ? "failed"
            : "partial";
        var storedError = own.Where(s => s.LastErrorAt is not null && s.LastError is not null).MaxBy(s => s.LastErrorAt);
        var lastError = circuit.LastError
                        ?? (storedError is null ? null : new UpstreamError(ErrorCode(storedError.LastError!), storedError.LastError!, storedError.LastErrorAt!.Value));
        return new UpstreamHealth(
            circuit.Service.Name,
            options.Configured,
            options.Configured && Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) ? uri.Authority : null,
            new BreakerReport(circuit.State, circuit.ConsecutiveFailures, circuit.OpenedAt, circuit.State == "closed" ? null : circuit.NextAttemptAt),
            own.Length == 0 || own.Any(s => s.LastSuccessAt is null) ? null : own.Min(s => s.LastSuccessAt),
            own.Max(s => s.LastStartedAt),
            status,
            status is "failed" or "partial" || circuit.State != "closed" ? lastError : null,
            circuit.P95LatencyMs(),
            own.Length == 0 ? null : own.Sum(s => s.RowsLast ?? 0));
    }

    /// <summary>The stored error starts with its code (`upstream_unavailable: …`), else it is the store's own.</summary>
    private static string ErrorCode(string error) =>
        error.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && error[..colon].StartsWith("upstream_", StringComparison.Ordinal)
            ? error[..colon]
            : "sync_failed";
}
