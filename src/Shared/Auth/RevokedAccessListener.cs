using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Auth;

/// <summary>
/// Loads the deny list at start, then follows `NOTIFY auth_revoked` so a logout on one instance revokes the token on all
/// (DATA_MODEL.md §6). A lost connection is re-established and followed by a full reload.
/// </summary>
public sealed partial class RevokedAccessListener(
    NpgsqlDataSource dataSource,
    RevokedAccessList revoked,
    TimeProvider timeProvider,
    ILogger<RevokedAccessListener> logger) : BackgroundService
{
    public const string Channel = "auth_revoked";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await ReloadAsync(connection, cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, args) => Apply(args.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                await ReloadAsync(connection, stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogListenFailed(exception);
                await Task.Delay(TimeSpan.FromSeconds(5), timeProvider, stoppingToken);
            }
        }
    }

    private void Apply(string payload)
    {
        revoked.RemoveExpired();
        // Payload: "jti:<uuid>:<unix expiry>" or "family:<uuid>:<unix expiry>".
        var parts = payload.Split(':');
        if (parts.Length == 3 && Guid.TryParse(parts[1], out var id) && long.TryParse(parts[2], out var unix))
        {
            var expires = DateTimeOffset.FromUnixTimeSeconds(unix);
            if (parts[0] == "jti")
            {
                revoked.RevokeToken(id, expires);
            }
            else if (parts[0] == "family")
            {
                revoked.RevokeFamily(id, expires);
            }
        }
    }

    private async Task ReloadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<RevokedRow>(new CommandDefinition(
            SqlQueries.Get("RevokedAccess.Load"), new { now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
        foreach (var row in rows)
        {
            if (row.Jti is { } jti)
            {
                revoked.RevokeToken(jti, row.ExpiresAt);
            }

            if (row.FamilyId is { } family)
            {
                revoked.RevokeFamily(family, row.ExpiresAt);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for token revocations failed; retrying in 5 s")]
    private partial void LogListenFailed(Exception exception);

    private sealed record RevokedRow(Guid? Jti, Guid? FamilyId, DateTimeOffset ExpiresAt);
}
