using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Auth;

/// <summary>
/// Loads the deny list at start, then follows `NOTIFY auth_revoked` so a logout on one instance revokes the token on all
/// (DATA_MODEL.md §6).
/// </summary>
public sealed class RevokedAccessListener(
    NpgsqlDataSource dataSource,
    RevokedAccessList revoked,
    TimeProvider timeProvider,
    ILogger<RevokedAccessListener> logger) : PostgresListener(dataSource, timeProvider, logger)
{
    public const string Channel = "auth_revoked";

    protected override IReadOnlyList<string> Channels => [Channel];

    protected override Task OnConnectedAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ReloadAsync(connection, cancellationToken);

    protected override void OnNotification(string channel, string payload) => Apply(payload);

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
            SqlQueries.Get("RevokedAccess.Load"), new { now = Clock.GetUtcNow() }, cancellationToken: cancellationToken));
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

    private sealed record RevokedRow(Guid? Jti, Guid? FamilyId, DateTimeOffset ExpiresAt);
}
