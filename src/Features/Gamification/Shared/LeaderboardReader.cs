using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.Gamification.Shared;

/// <summary>Reads the caller's organisation and a scope's rows for one timeframe, from the ledger tables the recompute maintains.</summary>
public static class LeaderboardReader
{
    public static async Task<LeaderboardOrganisation> OrganisationAsync(
        NpgsqlConnection connection, string organisationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.QuerySingleOrDefaultAsync<LeaderboardOrganisation>(new CommandDefinition(
                   SqlQueries.Get("LeaderboardContext"), new { organisationId, now }, cancellationToken: cancellationToken))
               ?? throw Problems.AccessDenied();
    }

    /// <summary>[from, today] of a timeframe in the organisation's calendar (the week starts on Monday); null from = all time.</summary>
    public static DateOnly? From(string timeframe, DateOnly today) => timeframe switch
    {
        "week" => today.AddDays(-(((int)today.DayOfWeek + 6) % 7)),
        "month" => new DateOnly(today.Year, today.Month, 1),
        "year" => new DateOnly(today.Year, 1, 1),
        _ => null,
    };

    public static async Task<IReadOnlyList<LeaderboardRow>> RowsAsync(
        NpgsqlConnection connection, string scope, string organisationId, string? courseId, DateOnly? from, DateOnly to, string timeZone,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return (await connection.QueryAsync<LeaderboardRow>(new CommandDefinition(
            SqlQueries.Get("Leaderboard"),
            new { scope, organisationId, courseId, from, to, timeZone },
            cancellationToken: cancellationToken))).ToArray();
    }
}
