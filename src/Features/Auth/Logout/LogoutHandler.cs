using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Auth.Logout;

/// <summary>
/// Idempotent logout: revokes the family of the token's `sid` and, when given, of `refreshToken` if it is the caller's own,
/// and deny-lists the access token's `jti` until it expires. External mode only deny-lists the `jti`.
/// </summary>
public sealed class LogoutHandler(NpgsqlDataSource dataSource, CurrentUserAccessor currentUser, AuthOptions options, SessionStore sessions, TimeProvider timeProvider)
    : ICommandHandler<LogoutCommand>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.Required;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (caller.TokenId is { } tokenId)
        {
            var expires = caller.ExpiresAt ?? timeProvider.GetUtcNow() + TokenIssuer.AccessTokenLifetime;
            await sessions.RevokeAccessTokenAsync(connection, transaction, tokenId, caller.UserId, expires, cancellationToken);
        }

        if (!options.IsExternal)
        {
            var families = new HashSet<Guid>();
            if (caller.SessionId is { } sessionId)
            {
                families.Add(sessionId);
            }

            if (command.RefreshToken is not null)
            {
                var family = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
                    SqlQueries.Get("Logout.OwnFamily"),
                    new { tokenHash = RefreshTokenValue.Hash(command.RefreshToken), userId = caller.UserId },
                    transaction,
                    cancellationToken: cancellationToken));
                if (family is { } ownFamily)
                {
                    families.Add(ownFamily);
                }
            }

            foreach (var family in families)
            {
                await sessions.RevokeFamilyAsync(connection, transaction, family, caller.UserId, "logout", cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
