using Analytics.Api.Features.Operations.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Sources.Upstream;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Operations.ResetCircuitBreaker;

/// <summary>
/// Closes both breakers of the service on this instance (breakers are per instance, SOURCES.md §3.5) and records who did it;
/// an unknown name is 404 UPSTREAM_NOT_FOUND.
/// </summary>
public sealed class ResetCircuitBreakerHandler(
    UpstreamCircuits circuits, CurrentUserAccessor currentUser, NpgsqlDataSource dataSource, TimeProvider timeProvider)
    : ICommandHandler<ResetCircuitBreakerCommand, BreakerReset>
{
    public async ValueTask<BreakerReset> Handle(ResetCircuitBreakerCommand command, CancellationToken cancellationToken)
    {
        var service = UpstreamServices.Find(command.Upstream) ?? throw OperatorProblems.UpstreamNotFound(command.Upstream);
        await circuits[service].ResetAsync();
        var now = timeProvider.GetUtcNow();
        var actor = currentUser.Required.UserId;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("ResetCircuitBreaker.Audit"),
            new { now, actor, upstream = service.Name }, cancellationToken: cancellationToken));
        return new BreakerReset(service.Name, new ResetBreakerState("closed", 0, now, actor));
    }
}
