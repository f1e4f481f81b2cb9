using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Auth.Refresh;

/// <summary>
/// Single-use rotation within a family (API.md §2.4): a used token presented again revokes the whole family (TOKEN_REUSED);
/// a revoked family answers INVALID_REFRESH_TOKEN; past 14 days per token or 30 days per family, REFRESH_TOKEN_EXPIRED.
/// The token row is locked, so two parallel refreshes of one token cannot both succeed.
/// </summary>
public sealed class RefreshHandler(NpgsqlDataSource dataSource, AuthOptions options, SessionStore sessions, TimeProvider timeProvider)
    : ICommandHandler<RefreshCommand, AuthSession>
{
    public async ValueTask<AuthSession> Handle(RefreshCommand command, CancellationToken cancellationToken)
    {
        if (options.IsExternal)
        {
            throw Problems.LocalAuthDisabled();
        }

        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var token = await connection.QuerySingleOrDefaultAsync<StoredToken>(new CommandDefinition(
            SqlQueries.Get("Refresh.LockToken"),
            new { tokenHash = RefreshTokenValue.Hash(command.RefreshToken!) },
            transaction,
            cancellationToken: cancellationToken));
        if (token is null || token.RevokedAt is not null)
        {
            throw Problems.InvalidRefreshToken();
        }

        if (token.UsedAt is not null)
        {
            await sessions.RevokeFamilyAsync(connection, transaction, token.FamilyId, token.UserId, "reuse-detected", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            throw Problems.TokenReused();
        }

        if (token.ExpiresAt <= now || token.FamilyStartedAt + RefreshTokenValue.FamilyLifetime <= now)
        {
            throw Problems.RefreshTokenExpired();
        }

        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("Refresh.MarkUsed"), new { id = token.Id, now }, transaction, cancellationToken: cancellationToken));
        var subject = await SessionStore.LoadSubjectAsync(connection, transaction, token.UserId, cancellationToken)
                      ?? throw Problems.InvalidRefreshToken();
        var session = await sessions.IssueAsync(
            connection, transaction, subject, token.FamilyId, token.FamilyStartedAt, token.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return session;
    }

    private sealed record StoredToken(
        Guid Id, Guid FamilyId, string UserId, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt, DateTimeOffset? RevokedAt,
        DateTimeOffset FamilyStartedAt);
}
