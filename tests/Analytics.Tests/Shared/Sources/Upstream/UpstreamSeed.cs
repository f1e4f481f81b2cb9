using Npgsql;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// Parents inserted with SQL for feeds whose parents another service owns (SOURCES.md §1.2). They carry the source `seed`, so no
/// upstream reconcile deletes them. The crowd rows (24 people, 24 skills) let a test build a page of 24 distinct items.
/// </summary>
public static class UpstreamSeed
{
    public const string Organisation = "org-up-1";

    /// <summary>The organisation, two departments, people (up-learner-1, up-learner-2, up-trainer-1, up-crowd-01…24), two courses and their topics.</summary>
    public static Task PeopleAndCoursesAsync(string connectionString) => ExecuteAsync(connectionString, """
        INSERT INTO lrs.organisations (id, name, time_zone, settings, source) VALUES ('org-up-1', 'Upstream Org', 'UTC', '{}', 'seed');
        INSERT INTO lrs.departments (id, organisation_id, name, source)
        VALUES ('dept-up-eng', 'org-up-1', 'Engineering', 'seed'), ('dept-up-ops', 'org-up-1', 'Operations', 'seed');
        INSERT INTO lrs.users (id, organisation_id, department_id, display_name, source)
        VALUES ('up-learner-1', 'org-up-1', 'dept-up-eng', 'John Learner', 'seed'),
               ('up-learner-2', 'org-up-1', 'dept-up-ops', 'Jane Learner', 'seed'),
               ('up-trainer-1', 'org-up-1', NULL, 'Tina Trainer', 'seed');
        INSERT INTO lrs.users (id, organisation_id, department_id, display_name, source)
        SELECT 'up-crowd-' || lpad(g::text, 2, '0'), 'org-up-1', 'dept-up-eng', 'Crowd ' || g, 'seed' FROM generate_series(1, 24) AS g;
        INSERT INTO lrs.courses (id, organisation_id, title, source)
        VALUES ('c-up-1', 'org-up-1', 'Intro to SQL', 'seed'), ('c-up-2', 'org-up-1', 'Statistics', 'seed');
        INSERT INTO lrs.topics (id, course_id, title, position, source)
        VALUES ('c-up-1-t1', 'c-up-1', 'SELECT', 1, 'seed'), ('c-up-1-t2', 'c-up-1', 'JOIN', 2, 'seed'),
               ('c-up-2-t1', 'c-up-2', 'Means', 1, 'seed'), ('c-up-2-t2', 'c-up-2', 'Variance', 2, 'seed');
        """);

    /// <summary>Skills sk-crowd-01…24 and, unless the Skills Engine under test lists them, sk-sql, sk-python, sk-stats and sk-ml.</summary>
    public static Task SkillsAsync(string connectionString, bool named) => ExecuteAsync(connectionString, (named
        ? """
          INSERT INTO lrs.skills (id, name, category, source)
          VALUES ('sk-sql', 'SQL', 'data', 'seed'), ('sk-python', 'Python', 'programming', 'seed'), ('sk-stats', 'Statistics', NULL, 'seed'),
                 ('sk-ml', 'Machine learning', 'data', 'seed');
          """
        : string.Empty) + """
        INSERT INTO lrs.skills (id, name, source)
        SELECT 'sk-crowd-' || lpad(g::text, 2, '0'), 'Crowd skill ' || g, 'seed' FROM generate_series(1, 24) AS g;
        """);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
