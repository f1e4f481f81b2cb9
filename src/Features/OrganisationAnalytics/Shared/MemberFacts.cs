using System.Diagnostics;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>
/// The organisation's member facts (analytics.member_facts: one narrow row per learner with the figures the organisation
/// analytics aggregate), kept once per organisation, asOf and data version. <see cref="EnsureAsync"/> leaves them current: a
/// set whose inputs hash (definition, configuration, asOf, source, data as of) matches is kept; otherwise the members' learner
/// snapshots are made sure of (§0.7) and the set is computed again in one statement and replaced in one transaction, under an
/// advisory lock so concurrent readers compute it once. The nightly run computes it before the organisation stage's analytics;
/// after that an organisation analytic reads only these rows (DATA_MODEL.md §12).
/// </summary>
public sealed class MemberFacts(NpgsqlDataSource dataSource, SnapshotStore snapshots, LearnerSnapshotInputs learnerInputs)
{
    public const string Version = "member-facts@1.0";

    /// <summary>The learner analytics whose headline the facts copy (engagement and velocity, now and 28 days earlier).</summary>
    private static readonly string[] LearnerInputs = ["engagement", "velocity"];

    /// <summary>Computing a 100,000-learner organisation's facts takes seconds; a request is still cut by its compute budget.</summary>
    private static readonly int ComputeTimeoutSeconds = 300;

    public async Task EnsureAsync(SubjectContext subject, CancellationToken cancellationToken)
    {
        var inputsHash = snapshots.InputsHash(Version, subject.AsOf, subject.Source, subject.DataAsOf);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            if (await IsCurrentAsync(connection, null, subject, inputsHash, cancellationToken))
            {
                return;
            }
        }

        await learnerInputs.EnsureAsync(subject.OrganisationId, null, LearnerInputs, cancellationToken);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SqlQueries.Get("MemberFacts.Lock"),
                new { organisationId = subject.OrganisationId }, transaction, cancellationToken: cancellationToken));
            if (await IsCurrentAsync(connection, transaction, subject, inputsHash, cancellationToken))
            {
                return;
            }

            var started = Stopwatch.GetTimestamp();
            await connection.ExecuteAsync(new CommandDefinition(
                SqlQueries.Get("MemberFacts.Replace"),
                new { organisationId = subject.OrganisationId, asOf = subject.AsOf, definitionVersion = Version, inputsHash },
                transaction, cancellationToken: cancellationToken));
            var members = await connection.ExecuteAsync(new CommandDefinition(
                SqlQueries.Get("MemberFacts.Compute"),
                new MemberFactWindows(subject.AsOf).Parameters(subject.OrganisationId, subject.TimeZone),
                transaction, ComputeTimeoutSeconds, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                SqlQueries.Get("MemberFacts.Recorded"),
                new { organisationId = subject.OrganisationId, members, computeMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task<bool> IsCurrentAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, SubjectContext subject, byte[] inputsHash, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            SqlQueries.Get("MemberFacts.Current"),
            new { organisationId = subject.OrganisationId, asOf = subject.AsOf, inputsHash },
            transaction, cancellationToken: cancellationToken));
}
