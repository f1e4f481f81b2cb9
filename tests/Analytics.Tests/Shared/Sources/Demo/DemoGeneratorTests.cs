using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Sources.Demo;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NUnit.Framework;

namespace Analytics.Tests.Shared.Sources.Demo;

/// <summary>
/// The tiny preset with a pinned end date, generated into fresh migrated databases (SOURCES.md §2.2–§2.3). That every COPY
/// succeeded already proves every CHECK, key and foreign key holds; the tests then read the promised facts back.
/// </summary>
[NonParallelizable]
public sealed class DemoGeneratorTests
{
    private static readonly DateOnly EndDate = new(2025, 3, 14);
    private static readonly DateOnly AsOf = EndDate;
    private string _first = "";
    private DemoGenerationResult _firstResult = null!;
    private DemoGenerationResult _secondResult = null!;
    private DemoGenerationResult _otherSeedResult = null!;
    private string _second = "";

    private static DemoOptions Tiny(ulong seed = 42, bool replace = false) =>
        new() { Preset = "tiny", Seed = seed, EndDate = EndDate, Replace = replace };

    [OneTimeSetUp]
    public async Task GenerateAsync()
    {
        _first = await MigratedAsync("demo_gen_a");
        _second = await MigratedAsync("demo_gen_b");
        var third = await MigratedAsync("demo_gen_c");
        _firstResult = await DemoGenerator.RunAsync(_first, Tiny(), NullLogger.Instance, CancellationToken.None);
        _secondResult = await DemoGenerator.RunAsync(_second, Tiny(), NullLogger.Instance, CancellationToken.None);
        _otherSeedResult = await DemoGenerator.RunAsync(third, Tiny(seed: 7), NullLogger.Instance, CancellationToken.None);
    }

    private static async Task<string> MigratedAsync(string name)
    {
        var connectionString = await TestDatabases.CreateEmptyAsync(name);
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, CancellationToken.None);
        return connectionString;
    }

    [Test]
    public void SameSeedAndEndDate_GiveTheSameContentHashAndRowCounts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_secondResult.ContentHash, Is.EqualTo(_firstResult.ContentHash));
            Assert.That(_secondResult.RowCounts, Is.EquivalentTo(_firstResult.RowCounts));
            Assert.That(_firstResult.ContentHash, Does.Match("^[0-9a-f]{64}$"));
        });
    }

    [Test]
    public void DifferentSeed_GivesADifferentContentHash() =>
        Assert.That(_otherSeedResult.ContentHash, Is.Not.EqualTo(_firstResult.ContentHash));

    [Test]
    public async Task SameSeed_StoresTheSameRows()
    {
        const string digest = """
            SELECT md5(string_agg(concat_ws(',', user_id, course_id, content_item_id, day, events, minutes, source), '|'
                                  ORDER BY user_id, day, course_id, content_item_id)) FROM lrs.activity_days
            UNION ALL
            SELECT md5(string_agg(concat_ws(',', id, assessment_id, user_id, submitted_on, submitted_at, attempt, score_pct), '|' ORDER BY id))
            FROM lrs.submissions
            """;

        Assert.That(await ColumnAsync<string>(_second, digest), Is.EqualTo(await ColumnAsync<string>(_first, digest)));
    }

    [Test]
    public void TinyPreset_RowCountsAreInRange()
    {
        var counts = _firstResult.RowCounts;

        Assert.Multiple(() =>
        {
            Assert.That(counts["lrs.organisations"], Is.EqualTo(1));
            Assert.That(counts["lrs.courses"], Is.EqualTo(15));
            Assert.That(counts["lrs.activity_days"], Is.InRange(14_250, 15_750), "≈ 15 k activity rows within 5 %");
            Assert.That(counts.Where(c => c.Key != "lrs.learner_attributes").Select(c => c.Value), Is.All.GreaterThan(0));
        });
    }

    [Test]
    public async Task GeneratedCounts_MatchTheStore()
    {
        foreach (var (table, rows) in _firstResult.RowCounts)
        {
            Assert.That(await ScalarAsync<long>(_first, $"SELECT count(*) FROM {table}"), Is.EqualTo(rows), table);
        }
    }

    [Test]
    public async Task FixedUsers_HaveTheirIdsEmailsRolesDepartmentsAndPassword()
    {
        var users = await RowsAsync(_first, """
            SELECT u.id, u.email, u.display_name, coalesce(u.department_id, ''), string_agg(r.role, ',' ORDER BY r.role), c.password_hash
            FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id JOIN auth.user_credentials c ON c.user_id = u.id
            WHERE u.organisation_id = 'org-123' GROUP BY u.id, c.password_hash ORDER BY u.id
            """);
        var hasher = new PasswordHasher<object>();

        Assert.That(users.Select(u => (u[0], u[1], u[2], u[3], u[4])), Is.EqualTo(new[]
        {
            ("admin-789", "admin@test.com", "Admin User", "dept-management", "org-admin"),
            ("learner-123", "learner@test.com", "John Learner", "dept-engineering", "learner"),
            ("operator-000", "operator@test.com", "Platform Operator", "", "platform-admin"),
            ("supertester-999", "supertester@test.com", "Super Tester", "dept-qa", "learner,org-admin,trainer"),
            ("trainer-456", "trainer@test.com", "Jane Trainer", "dept-education", "trainer"),
        }));
        Assert.That(
            users.Select(u => hasher.VerifyHashedPassword(new object(), u[5], "password123")),
            Is.All.Not.EqualTo(PasswordVerificationResult.Failed));
    }

    [Test]
    public async Task Org123_SettingsDepartmentsAndTrainers()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync<string>(_first, "SELECT settings->>'analysisDate' FROM lrs.organisations WHERE id = 'org-123'"),
                Is.EqualTo("2025-03-15"));
            Assert.That(await ScalarAsync<long>(_first, """
                SELECT count(*) FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
                WHERE u.department_id = 'dept-legal'
                """), Is.EqualTo(6));
            Assert.That(await ScalarAsync<long>(_first, """
                SELECT count(DISTINCT t.user_id) FROM lrs.course_trainers t JOIN lrs.courses c ON c.id = t.course_id
                WHERE c.organisation_id = 'org-123'
                """), Is.EqualTo(12));
            Assert.That(await ScalarAsync<long>(_first, """
                SELECT count(*) FROM lrs.users WHERE id NOT IN ('learner-123', 'trainer-456', 'admin-789', 'supertester-999', 'operator-000')
                AND email NOT LIKE '%@demo.example'
                """), Is.Zero);
        });
    }

    [Test]
    public async Task Org123_EveryCourseHasTenLearnersAndTenRatings()
    {
        var courses = await RowsAsync(_first, """
            SELECT c.id, (SELECT count(*) FROM lrs.enrolments e WHERE e.course_id = c.id)::text,
                   (SELECT count(*) FROM lrs.feedback f WHERE f.course_id = c.id)::text
            FROM lrs.courses c WHERE c.organisation_id = 'org-123'
            """);

        Assert.That(courses, Has.Count.EqualTo(15));
        Assert.That(courses.Select(c => (int.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture))),
            Is.All.Matches<(int Learners, int Ratings)>(c => c.Learners >= 10 && c.Ratings >= 10));
    }

    [Test]
    public async Task Trainer456_TeachesThreeCoursesOf25To60_OneWithLearner123AndSupertester()
    {
        var courses = await RowsAsync(_first, """
            SELECT t.course_id, count(e.*)::text, bool_or(e.user_id = 'learner-123')::text, bool_or(e.user_id = 'supertester-999')::text
            FROM lrs.course_trainers t JOIN lrs.enrolments e ON e.course_id = t.course_id
            WHERE t.user_id = 'trainer-456' GROUP BY t.course_id ORDER BY t.course_id
            """);

        Assert.That(courses, Has.Count.EqualTo(3));
        Assert.That(courses.Select(c => int.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture)), Is.All.InRange(25, 60));
        Assert.That(courses.Any(c => c[2] == "true" && c[3] == "true"), Is.True);
    }

    [Test]
    public async Task Learner123_CompletesTopicsTwelveAndTenDaysBeforeAsOf_AndNoneSince()
    {
        var days = await ColumnAsync<DateOnly>(_first, """
            WITH units AS (
                SELECT topic_id, min(d) AS first_day FROM (
                    SELECT topic_id, completed_at::date AS d FROM lrs.topic_completions WHERE user_id = 'learner-123'
                    UNION ALL
                    SELECT topic_id, started_at::date FROM lrs.practice_sessions WHERE user_id = 'learner-123' AND passed AND topic_id IS NOT NULL
                ) x GROUP BY topic_id)
            SELECT first_day FROM units WHERE first_day >= @from ORDER BY first_day
            """, ("from", AsOf.AddDays(-13)));

        // p7 = 2 units in [asOf−13, asOf−7], v7 = 0 in [asOf−6, asOf]: velocity momentum `slowing` (ANALYTICS.md §1.1).
        Assert.That(days, Is.EqualTo(new[] { AsOf.AddDays(-12), AsOf.AddDays(-10) }));
    }

    [Test]
    public async Task Learner123_EnrolmentsActivityAndGaps()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await ColumnAsync<string>(_first, """
                SELECT status || ':' || coalesce(final_result, '') FROM lrs.enrolments WHERE user_id = 'learner-123' ORDER BY id
                """), Is.EqualTo(new[] { "withdrawn:withdrawn", "completed:pass", "active:", "active:" }));
            Assert.That(await ScalarAsync<long>(_first, """
                SELECT count(DISTINCT day) FROM lrs.activity_days WHERE user_id = 'learner-123' AND events > 0 AND day > @asOf - 180
                """, ("asOf", AsOf)), Is.GreaterThanOrEqualTo(120));
            Assert.That(await ScalarAsync<long>(_first, """
                SELECT count(*) FROM (SELECT day, sum(events) AS e, sum(minutes) AS m FROM lrs.activity_days
                                      WHERE user_id = 'learner-123' AND day > @asOf - 10 GROUP BY day) d WHERE e = 2 AND m = 5
                """, ("asOf", AsOf)), Is.EqualTo(10));
            Assert.That(await ColumnAsync<int>(_first, """
                SELECT t.required_level - s.level FROM lrs.skill_targets t
                JOIN lrs.user_skills s ON s.skill_id = t.skill_id AND s.user_id = 'learner-123'
                WHERE t.organisation_id = 'org-123' AND (t.department_id IS NULL OR t.department_id = 'dept-engineering')
                  AND s.level < t.required_level ORDER BY 1
                """), Is.EqualTo(new[] { 1, 1, 2 }));
            Assert.That(await ScalarAsync<long>(_first, "SELECT count(*) FROM lrs.help_requests WHERE user_id = 'learner-123'"), Is.EqualTo(4));
            Assert.That(await ScalarAsync<long>(_first, "SELECT count(*) FROM lrs.learning_paths WHERE user_id = 'learner-123'"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Operator_HasNoLearningData() =>
        Assert.That(await ScalarAsync<long>(_first, """
            SELECT (SELECT count(*) FROM lrs.enrolments WHERE user_id = 'operator-000')
                 + (SELECT count(*) FROM lrs.activity_days WHERE user_id = 'operator-000')
                 + (SELECT count(*) FROM lrs.course_trainers WHERE user_id = 'operator-000')
            """), Is.Zero);

    [Test]
    public async Task SourceAndRun_AreRecorded()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync<string>(_first, "SELECT kind FROM ops.sources WHERE name = 'demo'"), Is.EqualTo("generator"));
            Assert.That(await ScalarAsync<long>(_first, "SELECT cardinality(provides) FROM ops.organisation_sources WHERE organisation_id = 'org-123'"),
                Is.EqualTo(DemoGenerator.ProvidedTables.Count));
            Assert.That(await ColumnAsync<string>(_first, "SELECT id || ' ' || kind || ' ' || status FROM ops.sync_runs WHERE source = 'demo'"),
                Has.One.Match("^job_[0-9A-HJKMNP-TV-Z]{26} generate completed$"));
            Assert.That(await ScalarAsync<long>(_first, "SELECT count(*) FROM lrs.enrolments WHERE source <> 'demo'"), Is.Zero);
            Assert.That(await ScalarAsync<long>(_first, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'lrs'::regnamespace AND NOT convalidated"),
                Is.Zero, "every foreign key is back and validated");
        });
    }

    [Test]
    public async Task NonEmptyStore_IsRefused_UnlessReplace_WhichRegeneratesTheSameContent()
    {
        var connectionString = await MigratedAsync("demo_gen_replace");
        var first = await DemoGenerator.RunAsync(connectionString, Tiny(), NullLogger.Instance, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DemoGenerator.RunAsync(connectionString, Tiny(), NullLogger.Instance, CancellationToken.None));
        var replaced = await DemoGenerator.RunAsync(connectionString, Tiny(replace: true), NullLogger.Instance, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(refused!.Message, Does.Contain("--replace"));
            Assert.That(await DemoGenerator.StoreIsEmptyAsync(connectionString, CancellationToken.None), Is.False);
            Assert.That(replaced.ContentHash, Is.EqualTo(first.ContentHash));
            Assert.That(await ScalarAsync<long>(connectionString, "SELECT count(*) FROM lrs.activity_days"), Is.EqualTo(first.RowCounts["lrs.activity_days"]));
        });
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters) =>
        (await ColumnAsync<T>(connectionString, sql, parameters)).Single();

    private static async Task<List<T>> ColumnAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    private static async Task<List<string[]>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return rows;
    }
}
