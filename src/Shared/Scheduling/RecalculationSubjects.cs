using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// The subjects a recalculation walks, per subject type, in keyset order of their id (so a run can stop after any chunk and
/// resume right after its last subject): learners (users with the learner role), trainers (users teaching a course),
/// organisations. A subject type without a list here has no nightly pass.
/// </summary>
public sealed class RecalculationSubjects(NpgsqlDataSource dataSource)
{
    private static readonly Dictionary<string, string> Queries = new(StringComparer.Ordinal)
    {
        ["learner"] = "Recalculation.Learners",
        ["trainer"] = "Recalculation.Trainers",
        ["organisation"] = "Recalculation.Organisations",
    };

    public static bool Supports(string subjectType) => Queries.ContainsKey(subjectType);

    /// <summary>Up to <paramref name="limit"/> ids after <paramref name="after"/> ("" = from the start).</summary>
    public async Task<IReadOnlyList<string>> NextAsync(
        string subjectType, string? organisationId, string after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            SqlQueries.Get(Queries[subjectType]), new { organisationId, after, limit }, cancellationToken: cancellationToken))).ToArray();
    }

    public async Task<int> CountAsync(string subjectType, string? organisationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            SqlQueries.Get(Queries[subjectType] + ".Count"), new { organisationId }, cancellationToken: cancellationToken));
    }
}
