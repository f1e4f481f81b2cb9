using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// Reads course health's inputs for a set of courses: one set-based statement per kind of fact (CourseOutcomes, CohortSignals,
/// CourseTopics), never a query per learner or per course. The statements are independent, so each runs on its own pooled
/// connection at the same time: an uncached read waits for the slowest of them, not for their sum.
/// </summary>
public static class CourseHealthReader
{
    public static async Task<CourseHealthData> ReadAsync(
        NpgsqlDataSource dataSource,
        IReadOnlyList<string> courseIds,
        SubjectContext subject,
        DateOnly earlierAsOf,
        CourseHealthSettings settings,
        CohortSettings cohort,
        CancellationToken cancellationToken)
    {
        if (courseIds.Count == 0)
        {
            return new CourseHealthData([], [], []);
        }

        var parameters = new
        {
            courseIds = courseIds.ToArray(),
            asOf = subject.AsOf,
            earlierAsOf,
            zone = subject.TimeZone,
            activeWindowDays = settings.ActiveWindowDays,
            openEndedWindowDays = settings.OpenEndedWindowDays,
            milestoneWeight = cohort.MilestoneWeight,
            minDaysSinceStart = cohort.MinDaysSinceStart,
        };
        var outcomes = QueryAsync<CourseOutcome>(dataSource, "CourseOutcomes", parameters, cancellationToken);
        var signals = QueryAsync<CohortSignal>(dataSource, "CohortSignals", parameters, cancellationToken);
        var topics = ReadTopicsAsync(dataSource, courseIds, subject, settings, cancellationToken);
        return new CourseHealthData(await outcomes, await signals, await topics);
    }

    /// <summary>The per-topic facts (drop-off points, struggling topics) of the courses.</summary>
    private static Task<IReadOnlyList<CourseTopic>> ReadTopicsAsync(
        NpgsqlDataSource dataSource,
        IReadOnlyList<string> courseIds,
        SubjectContext subject,
        CourseHealthSettings settings,
        CancellationToken cancellationToken) =>
        courseIds.Count == 0
            ? Task.FromResult<IReadOnlyList<CourseTopic>>([])
            : QueryAsync<CourseTopic>(
                dataSource,
                "CourseTopics",
                new
                {
                    courseIds = courseIds.ToArray(),
                    asOf = subject.AsOf,
                    zone = subject.TimeZone,
                    openEndedWindowDays = settings.OpenEndedWindowDays,
                },
                cancellationToken);

    private static async Task<IReadOnlyList<T>> QueryAsync<T>(
        NpgsqlDataSource dataSource, string statement, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<T>(new CommandDefinition(SqlQueries.Get(statement), parameters, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
