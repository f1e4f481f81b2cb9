using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// Reads the drop-off histories (<see cref="DropOffHistory"/>) of every enrolment of some courses (training, evaluation) or of
/// some learners (scoring): the small tables in one round trip, the activity streamed (millions of rows for a whole OULAD
/// training part) into per-enrolment lists.
/// </summary>
public static class DropOffHistoryReader
{
    private const int ReadTimeoutSeconds = 600;

    /// <summary>The histories of every enrolment in the courses.</summary>
    public static Task<IReadOnlyList<DropOffHistory>> ReadCoursesAsync(
        NpgsqlConnection connection, IReadOnlyList<string> courseIds, CancellationToken cancellationToken) =>
        ReadAsync(connection, courseIds.ToArray(), null, cancellationToken);

    /// <summary>The histories of every enrolment of the learners.</summary>
    public static Task<IReadOnlyList<DropOffHistory>> ReadLearnersAsync(
        NpgsqlConnection connection, IReadOnlyList<string> userIds, CancellationToken cancellationToken) =>
        ReadAsync(connection, null, userIds.ToArray(), cancellationToken);

    private static async Task<IReadOnlyList<DropOffHistory>> ReadAsync(
        NpgsqlConnection connection, string[]? courseIds, string[]? userIds, CancellationToken cancellationToken)
    {
        List<DropOffEnrolment> enrolments;
        ILookup<string, DropOffEnrolment> others;
        ILookup<string, DropOffAssessment> assessments;
        ILookup<(string, string), DropOffSubmission> submissions;
        ILookup<string, DateOnly> unitDays;
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(
                         SqlQueries.Get(courseIds is null ? "DropOffHistory.Learners" : "DropOffHistory"), new { courseIds, userIds }, commandTimeout: ReadTimeoutSeconds, cancellationToken: cancellationToken)))
        {
            enrolments = (await results.ReadAsync<DropOffEnrolment>()).AsList();
            others = (await results.ReadAsync<DropOffEnrolment>()).ToLookup(e => e.UserId, StringComparer.Ordinal);
            assessments = (await results.ReadAsync<AssessmentRow>()).ToLookup(
                a => a.CourseId, a => new DropOffAssessment(a.Id, a.Kind, a.DueOn, a.Weight), StringComparer.Ordinal);
            submissions = (await results.ReadAsync<SubmissionRow>()).ToLookup(
                s => (s.UserId, s.CourseId), s => new DropOffSubmission(s.AssessmentId, s.SubmittedOn, s.Score, s.Banked));
            unitDays = (await results.ReadAsync<UnitDayRow>()).ToLookup(d => d.UserId, d => d.Day, StringComparer.Ordinal);
        }

        var activity = await ReadActivityAsync(connection, courseIds, userIds, cancellationToken);
        return enrolments.Select(e => new DropOffHistory(
                e,
                activity.TryGetValue((e.UserId, e.CourseId), out var rows) ? rows.OrderBy(r => r.Day).ToArray() : [],
                submissions[(e.UserId, e.CourseId)].OrderBy(s => s.SubmittedOn).ToArray(),
                assessments[e.CourseId].ToArray(),
                unitDays[e.UserId].Order().ToArray(),
                others[e.UserId].Where(o => o.EnrolmentId != e.EnrolmentId).ToArray()))
            .ToArray();
    }

    private static async Task<Dictionary<(string, string), List<DropOffActivity>>> ReadActivityAsync(
        NpgsqlConnection connection, string[]? courseIds, string[]? userIds, CancellationToken cancellationToken)
    {
        var byEnrolment = new Dictionary<(string, string), List<DropOffActivity>>();
        var items = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(SqlQueries.Get(courseIds is null ? "DropOffActivity.Learners" : "DropOffActivity"), connection)
        {
            CommandTimeout = ReadTimeoutSeconds,
        };
        command.Parameters.Add(courseIds is null
            ? new NpgsqlParameter<string[]>("userIds", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = userIds! }
            : new NpgsqlParameter<string[]>("courseIds", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = courseIds });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<DropOffActivity>? current = null;
        string? currentUser = null;
        string? currentCourse = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var user = reader.GetString(0);
            var course = reader.GetString(1);
            if (current is null || !string.Equals(user, currentUser, StringComparison.Ordinal) || !string.Equals(course, currentCourse, StringComparison.Ordinal))
            {
                if (!byEnrolment.TryGetValue((user, course), out current))
                {
                    current = [];
                    byEnrolment[(user, course)] = current;
                }

                currentUser = user;
                currentCourse = course;
            }

            var item = reader.IsDBNull(4) ? -1 : ItemIndex(items, reader.GetString(4));
            current.Add(new DropOffActivity(reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3), item));
        }

        return byEnrolment;
    }

    private static int ItemIndex(Dictionary<string, int> items, string id)
    {
        if (!items.TryGetValue(id, out var index))
        {
            index = items.Count;
            items[id] = index;
        }

        return index;
    }

    private sealed record AssessmentRow(string CourseId, string Id, string Kind, DateOnly? DueOn, double Weight);

    private sealed record SubmissionRow(string UserId, string CourseId, string AssessmentId, DateOnly SubmittedOn, double? Score, bool Banked);

    private sealed record UnitDayRow(string UserId, DateOnly Day);
}
