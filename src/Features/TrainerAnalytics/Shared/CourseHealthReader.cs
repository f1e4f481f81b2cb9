using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// Reads course health's inputs for a set of courses in one round trip: one set-based statement per kind of fact
/// (CourseOutcomes, CohortSignals, CourseTopics), never a query per learner or per course.
/// </summary>
public static class CourseHealthReader
{
    public static async Task<CourseHealthData> ReadAsync(
        NpgsqlConnection connection,
        IReadOnlyList<string> courseIds,
        SubjectContext subject,
        DateOnly earlierAsOf,
        CourseHealthSettings settings,
        CohortSettings cohort,
        CancellationToken cancellationToken,
        bool includeTopics = true)
    {
        if (courseIds.Count == 0)
        {
            return new CourseHealthData([], [], []);
        }

        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlQueries.Get("CourseOutcomes") + SqlQueries.Get("CohortSignals") + (includeTopics ? SqlQueries.Get("CourseTopics") : string.Empty),
            new
            {
                courseIds = courseIds.ToArray(),
                asOf = subject.AsOf,
                earlierAsOf,
                zone = subject.TimeZone,
                activeWindowDays = settings.ActiveWindowDays,
                openEndedWindowDays = settings.OpenEndedWindowDays,
                milestoneWeight = cohort.MilestoneWeight,
                minDaysSinceStart = cohort.MinDaysSinceStart,
            },
            cancellationToken: cancellationToken));
        var outcomes = (await results.ReadAsync<CourseOutcome>()).ToArray();
        var signals = (await results.ReadAsync<CohortSignal>()).ToArray();
        var topics = includeTopics ? (await results.ReadAsync<CourseTopic>()).ToArray() : [];
        return new CourseHealthData(outcomes, signals, topics);
    }

    /// <summary>Only the per-topic facts (drop-off points, struggling topics) of some courses.</summary>
    public static async Task<IReadOnlyList<CourseTopic>> ReadTopicsAsync(
        NpgsqlConnection connection,
        IReadOnlyList<string> courseIds,
        SubjectContext subject,
        CourseHealthSettings settings,
        CancellationToken cancellationToken)
    {
        if (courseIds.Count == 0)
        {
            return [];
        }

        var topics = await connection.QueryAsync<CourseTopic>(new CommandDefinition(
            SqlQueries.Get("CourseTopics"),
            new
            {
                courseIds = courseIds.ToArray(),
                asOf = subject.AsOf,
                zone = subject.TimeZone,
                openEndedWindowDays = settings.OpenEndedWindowDays,
            },
            cancellationToken: cancellationToken));
        return topics.ToArray();
    }
}
