using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Analytics.Tests.Infrastructure;

/// <summary>
/// Writes small, named scenarios straight into the store (rows of DATA_MODEL.md §1 with source 'test'), so a test states its
/// own data instead of depending on what the demo generator happens to produce.
/// </summary>
public static class TestStore
{
    private static readonly Lazy<string> PasswordHash = new(() => new PasswordHasher<string>().HashPassword(string.Empty, ApiClient.Password));

    public static async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(TestHost.ConnectionString);
        await connection.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, sql, parameters);
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(TestHost.ConnectionString);
        await connection.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<T>(connection, sql, parameters)).ToList();
    }

    public static async Task<T?> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(TestHost.ConnectionString);
        await connection.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, sql, parameters);
    }

    /// <summary>An organisation whose "today" is frozen at <paramref name="analysisDate"/> (asOf = the day before).</summary>
    public static Task OrganisationAsync(string id, DateOnly analysisDate) =>
        ExecuteAsync(
            """
            INSERT INTO lrs.organisations (id, name, time_zone, settings, source)
            VALUES (@id, @id, 'UTC', jsonb_build_object('analysisDate', @day::text), 'test')
            """,
            new { id, day = analysisDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>A user with roles and, when <paramref name="email"/> is given, the password `password123`.</summary>
    public static async Task UserAsync(string id, string organisationId, string? email, params string[] roles)
    {
        await ExecuteAsync(
            """
            INSERT INTO lrs.users (id, organisation_id, email, display_name, source) VALUES (@id, @organisationId, @email, @id, 'test');
            INSERT INTO lrs.user_roles (user_id, role, source) SELECT @id, unnest(@roles), 'test';
            """,
            new { id, organisationId, email, roles });
        if (email is not null)
        {
            await ExecuteAsync(
                "INSERT INTO auth.user_credentials (user_id, password_hash, password_changed_at, created_at) VALUES (@id, @hash, now(), now())",
                new { id, hash = PasswordHash.Value });
        }
    }

    /// <summary>A course with <paramref name="topics"/> topics (ids `<id>-t1…`), optionally taught by a trainer.</summary>
    public static async Task CourseAsync(string id, string organisationId, int topics, DateOnly? startsOn, DateOnly? endsOn, int? lengthDays = null, string? trainerId = null)
    {
        await ExecuteAsync(
            """
            INSERT INTO lrs.courses (id, organisation_id, title, starts_on, ends_on, length_days, source)
            VALUES (@id, @organisationId, @id, @startsOn, @endsOn, @lengthDays, 'test');
            INSERT INTO lrs.topics (id, course_id, title, position, source)
            SELECT @id || '-t' || n, @id, 'Topic ' || n, n, 'test' FROM generate_series(1, @topics) AS n;
            """,
            new { id, organisationId, startsOn, endsOn, lengthDays, topics });
        if (trainerId is not null)
        {
            await ExecuteAsync("INSERT INTO lrs.course_trainers (course_id, user_id, source) VALUES (@id, @trainerId, 'test')", new { id, trainerId });
        }
    }

    public static Task EnrolAsync(string userId, string courseId, DateOnly enrolledOn) =>
        ExecuteAsync(
            """
            INSERT INTO lrs.enrolments (id, course_id, user_id, enrolled_on, kind, status, source)
            VALUES (@userId || '-' || @courseId, @courseId, @userId, @enrolledOn, 'voluntary', 'active', 'test')
            """,
            new { userId, courseId, enrolledOn });

    /// <summary>Topic <paramref name="topic"/> of the course completed at noon UTC of <paramref name="day"/>.</summary>
    public static Task CompleteTopicAsync(string userId, string courseId, int topic, DateOnly day) =>
        ExecuteAsync(
            """
            INSERT INTO lrs.topic_completions (user_id, topic_id, completed_at, source)
            VALUES (@userId, @courseId || '-t' || @topic, @day::timestamp + interval '12 hours', 'test')
            """,
            new { userId, courseId, topic, day });
}
