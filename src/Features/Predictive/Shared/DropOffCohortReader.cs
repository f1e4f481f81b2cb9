using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// Reads and scores a trainer or organisation cohort set-based (ANALYTICS.md §5.1 "cohort"): the members in one statement, every
/// member's drop-off history in one <see cref="DropOffHistoryReader.ReadLearnersAsync"/> read, their engagement snapshots in
/// one statement (computing the missing ones first), then pure evaluation per learner. Opted-out members are counted only.
/// `courseId` or `departmentId` outside the subject's scope is ACCESS_DENIED (API.md §3.4).
/// </summary>
public sealed class DropOffCohortReader(NpgsqlDataSource dataSource, DropOffEngagementInputs engagementInputs, PrivacySettings privacy)
{
    public async Task<DropOffCohort> ReadAsync(
        string subjectType,
        string id,
        DateOnly asOf,
        string? courseId,
        string? departmentId,
        DropOffRiskScorer scorer,
        bool computeMissingInputs,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        int minGroupSize;
        DropOffCohortMember[] members;
        HashSet<string>? trainerCourses;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
                SqlQueries.Get("DropOffRisk.Members"), new { subjectType, id, courseId, departmentId }, cancellationToken: cancellationToken));
            var scope = await results.ReadSingleAsync<ScopeRow>();
            if (!scope.CourseInScope || !scope.DepartmentInScope)
            {
                throw Problems.AccessDenied();
            }

            minGroupSize = privacy.MinGroupSizeFor(scope.MinGroupSize);
            members = (await results.ReadAsync<DropOffCohortMember>()).ToArray();
            var courses = (await results.ReadAsync<string>()).ToHashSet(StringComparer.Ordinal);
            trainerCourses = subjectType == "trainer-cohort" ? courses : null;
        }

        var included = members.Where(m => !m.OptedOut).Select(m => m.UserId).ToArray();
        var engagement = await engagementInputs.ReadAsync(included, asOf, sameAsOf: false, computeMissingInputs, cancellationToken);
        IReadOnlyList<DropOffHistory> histories;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            histories = included.Length == 0 ? [] : await DropOffHistoryReader.ReadLearnersAsync(connection, included, cancellationToken);
        }

        var byLearner = histories
            .Where(h => trainerCourses is null || trainerCourses.Contains(h.Enrolment.CourseId))
            .Where(h => courseId is null || h.Enrolment.CourseId == courseId)
            .ToLookup(h => h.Enrolment.UserId, StringComparer.Ordinal);
        var none = (IReadOnlyDictionary<DateOnly, int>)new Dictionary<DateOnly, int>();
        var learners = included
            .Select(u => DropOffRiskEvaluation.Learner(u, byLearner[u].ToArray(), engagement.GetValueOrDefault(u, none), asOf, scorer, explainEvery: false))
            .ToArray();

        var scoredIds = learners.Where(l => l.IsScored).Select(l => l.UserId).ToArray();
        var blocks = await BlocksAsync(dataSource, scoredIds, asOf, cancellationToken);
        return new DropOffCohort(minGroupSize, members, learners, members.Count(m => m.OptedOut), blocks);
    }

    /// <summary>The learners' activity per pattern block and content type (one statement).</summary>
    public static async Task<IReadOnlyList<DropOffBlockActivity>> BlocksAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<string> userIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DropOffBlockActivity>(new CommandDefinition(
            SqlQueries.Get("DropOffRisk.Blocks"),
            new { userIds = userIds.ToArray(), asOf, from = asOf.AddDays((-7 * DropOffRiskEvaluation.PatternBlocks) + 1) },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private sealed record ScopeRow(int? MinGroupSize, bool CourseInScope, bool DepartmentInScope);
}
