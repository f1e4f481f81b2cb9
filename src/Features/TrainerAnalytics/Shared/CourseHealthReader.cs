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
        CancellationToken cancellationToken)
    {
        if (courseIds.Count == 0)
        {
            return new CourseHealthData([], [], []);
        }

        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlQueries.Get("CourseOutcomes") + SqlQueries.Get("CohortSignals") + SqlQueries.Get("CourseTopics"),
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
        var topics = (await results.ReadAsync<CourseTopic>()).ToArray();
        return new CourseHealthData(outcomes, signals, topics);
    }
}
