using System.Globalization;
using Analytics.Api.Shared.Sources.Oulad;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Analytics.Tests.Shared.Sources.Oulad;

/// <summary>
/// The fixture oulad-AAA-2013J (383 registrations, 180,982 click rows) imported with the defaults into a fresh migrated database,
/// then imported again. The checks of ANALYTICS.md §9 (C1 weekly clicks, C3 eligibility) run on the store after both imports, and
/// the second import must change nothing.
/// </summary>
[NonParallelizable]
public sealed class OuladImporterTests
{
    private const string Course = "oulad-AAA-2013J";

    private static readonly string[] Tables =
    [
        "organisations", "departments", "users", "user_roles", "courses", "course_trainers", "topics", "content_items", "assessments",
        "enrolments", "learner_attributes", "submissions", "topic_completions", "activity_days",
    ];

    private string _store = "";
    private OuladImportResult _first = null!;
    private OuladImportResult _second = null!;
    private Dictionary<string, (long Rows, string Digest)> _afterFirst = null!;
    private Dictionary<string, (long Rows, string Digest)> _afterSecond = null!;

    [OneTimeSetUp]
    public async Task ImportTwiceAsync()
    {
        _store = await OuladTestData.MigratedDatabaseAsync("oulad_fixture");
        _first = await OuladImporter.RunAsync(_store, OuladTestData.FixtureDirectory, NullLogger.Instance, CancellationToken.None);
        _afterFirst = await SnapshotAsync();
        _second = await OuladImporter.RunAsync(_store, OuladTestData.FixtureDirectory, NullLogger.Instance, CancellationToken.None);
        _afterSecond = await SnapshotAsync();
    }

    [Test]
    public void FirstImport_IntoAnEmptyStore_TakesTheBulkFastPathAndPassesItsValidation()
    {
        var clicks = _first.Files.Single(f => f.File == "studentVle.csv");
        Assert.Multiple(() =>
        {
            Assert.That(_first.BulkFastPath, Is.True);
            Assert.That(_first.Valid, Is.True, string.Join("; ", _first.Validation.Where(c => !c.Passed)));
            Assert.That(_first.ExitCode, Is.Zero);
            Assert.That(clicks.RowsRead, Is.EqualTo(180_982));
            Assert.That(clicks.RowsRejected, Is.Zero);
            Assert.That(_first.Files.Sum(f => f.RowsRejected + f.RowsSkipped), Is.Zero);
            Assert.That(_first.Validation.Single(c => c.Name == "activity_raw_rows").Actual, Is.EqualTo(180_982));
            Assert.That(_first.Validation.Single(c => c.Name == "enrolments").Actual, Is.EqualTo(383));
            Assert.That(_first.Validation.Single(c => c.Name.EndsWith("as expected (C1)", StringComparison.Ordinal)).Actual, Is.EqualTo(10_651));
        });
    }

    [Test]
    public void FirstImport_ReportsRowCountsAndTotals()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        _first.WriteReport(writer);
        var report = writer.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(report, Does.Contain("studentVle.csv").And.Contain("180,982"));
            Assert.That(report, Does.Contain("lrs.activity_days"));
            Assert.That(report, Does.Contain("total"));
            Assert.That(report, Does.Contain("validation passed"));
        });
    }

    /// <summary>ANALYTICS.md §9 C1 with the statement of DATA_MODEL.md §1.2 (embedded as OuladStudentWeekClicks.sql).</summary>
    [Test]
    public async Task WeeklyClicks_EqualExpectedStudentWeekClicksExactly()
    {
        var expected = File.ReadLines(Path.Combine(OuladTestData.FixtureDirectory, "expected_student_week_clicks.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(f => $"{f[2]}|{f[3]}|{f[4]}|{f[5]}|{f[6]}|{f[7]}")
            .ToList();
        var actual = new List<string>();
        await using (var connection = new NpgsqlConnection(_store))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(OuladSql.Get(OuladSql.StudentWeekClicks), connection);
            command.Parameters.AddWithValue("courseIds", new[] { Course });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                actual.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{reader.GetString(1)["oulad-".Length..]}|{reader.GetInt32(2)}|{reader.GetInt64(3)}|{reader.GetInt32(4)}|{reader.GetInt32(5)}|{reader.GetInt64(6)}"));
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(expected, Has.Count.EqualTo(10_651));
            Assert.That(expected.Select(e => e.Split('|')[1]), Does.Contain("-1"), "the fixture has negative weeks");
            Assert.That(actual.Except(expected), Is.Empty, "student-weeks that are extra or differ");
            Assert.That(expected.Except(actual), Is.Empty, "student-weeks that are missing or differ");
            Assert.That(actual, Has.Count.EqualTo(10_651));
        });
    }

    /// <summary>ANALYTICS.md §9 C3: registrations still enrolled at the end of week N (no unregistration, or one after day 7N).</summary>
    [TestCase(2, 372)]
    [TestCase(4, 370)]
    [TestCase(8, 365)]
    [TestCase(12, 358)]
    public async Task Eligibility_AtTheEndOfWeek_CountsRegistrationsStillEnrolled(int week, int eligible)
    {
        var count = await OuladTestData.ScalarAsync<long>(_store, """
            SELECT count(*) FROM lrs.enrolments e JOIN lrs.courses c ON c.id = e.course_id
            WHERE c.id = @course AND (e.withdrawn_on IS NULL OR e.withdrawn_on > c.starts_on + 7 * @week)
            """, ("course", Course), ("week", week));

        Assert.That(count, Is.EqualTo(eligible));
    }

    [Test]
    public async Task Eligibility_AtWeek4_SplitsByFinalResultAsC3Says()
    {
        var rows = await OuladTestData.ColumnAsync<string>(_store, """
            SELECT e.final_result || '=' || count(*) FROM lrs.enrolments e JOIN lrs.courses c ON c.id = e.course_id
            WHERE c.id = @course AND (e.withdrawn_on IS NULL OR e.withdrawn_on > c.starts_on + 28)
            GROUP BY e.final_result ORDER BY 1
            """, ("course", Course));

        Assert.That(rows, Is.EqualTo(new[] { "distinction=20", "fail=45", "pass=258", "withdrawn=47" }));
    }

    [Test]
    public void SecondImport_ChangesNoRowCountAndNoContent()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_afterSecond.Keys, Is.EquivalentTo(Tables));
            foreach (var table in Tables)
            {
                Assert.That(_afterSecond[table].Rows, Is.EqualTo(_afterFirst[table].Rows), $"rows of lrs.{table}");
                Assert.That(_afterSecond[table].Digest, Is.EqualTo(_afterFirst[table].Digest), $"content (synced_at included) of lrs.{table}");
            }

            Assert.That(_afterFirst["activity_days"].Rows, Is.GreaterThan(100_000));
        });
    }

    [Test]
    public void SecondImport_TakesTheUpsertPathAndWritesNothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_second.BulkFastPath, Is.False);
            Assert.That(_second.Valid, Is.True, string.Join("; ", _second.Validation.Where(c => !c.Passed)));
            Assert.That(_second.Tables.Where(t => t.Inserted + t.Updated + t.Deleted > 0), Is.Empty);
            Assert.That(_second.Tables.Single(t => t.Table == "lrs.activity_days").Rows,
                Is.EqualTo(_first.Tables.Single(t => t.Table == "lrs.activity_days").Rows));
        });
    }

    [Test]
    public async Task Course_IsThePresentationWithItsDates()
    {
        var row = await OuladTestData.ScalarAsync<string>(_store, """
            SELECT concat_ws('|', organisation_id, title, category, starts_on, ends_on, length_days, attributes, source)
            FROM lrs.courses WHERE id = @course
            """, ("course", Course));

        Assert.That(row, Is.EqualTo(
            """oulad|AAA 2013J|AAA|2013-10-01|2014-06-26|268|{"module": "AAA", "presentation": "2013J", "derivedTopics": true}|oulad"""));
    }

    [Test]
    public async Task Organisation_IsInLondonAndFrozenAtWeek8OfTheLatestPresentation()
    {
        var row = await OuladTestData.ScalarAsync<string>(_store,
            "SELECT concat_ws('|', name, time_zone, settings ->> 'analysisDate', source) FROM lrs.organisations WHERE id = 'oulad'");

        Assert.Multiple(() =>
        {
            Assert.That(row, Is.EqualTo("Open University (OULAD)|Europe/London|2013-11-26|oulad"));
            Assert.That(_first.AnalysisDate, Is.EqualTo(new DateOnly(2013, 11, 26)));
        });
    }

    [Test]
    public async Task Student11391_IsALearnerWithEnrolmentAttributesAndDepartment()
    {
        var user = await OuladTestData.ScalarAsync<string>(_store, """
            SELECT concat_ws('|', u.organisation_id, u.department_id, coalesce(u.email, '-'), u.display_name,
                              to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), r.role, d.name)
            FROM lrs.users u JOIN lrs.user_roles r ON r.user_id = u.id JOIN lrs.departments d ON d.id = u.department_id
            WHERE u.id = 'oulad-11391'
            """);
        var enrolment = await OuladTestData.ScalarAsync<string>(_store, """
            SELECT concat_ws('|', course_id, user_id, enrolled_on, kind, completed_on, coalesce(withdrawn_on::text, '-'), status, final_result)
            FROM lrs.enrolments WHERE id = 'oulad-enr-AAA-2013J-11391'
            """);
        var attributes = await OuladTestData.ScalarAsync<string>(_store, """
            SELECT concat_ws('|', user_id, gender, age_band, highest_education, imd_band, disability::text, region, num_of_prev_attempts, studied_credits, extra)
            FROM lrs.learner_attributes WHERE enrolment_id = 'oulad-enr-AAA-2013J-11391'
            """);

        Assert.Multiple(() =>
        {
            Assert.That(user, Is.EqualTo("oulad|oulad-region-east-anglian-region|-|Student 11391|2013-04-25 12:00|learner|East Anglian Region"));
            Assert.That(enrolment, Is.EqualTo("oulad-AAA-2013J|oulad-11391|2013-04-25|voluntary|2014-06-26|-|completed|pass"));
            Assert.That(attributes, Is.EqualTo("oulad-11391|M|55<=|HE Qualification|90-100%|false|East Anglian Region|0|240|{}"));
        });
    }

    [Test]
    public async Task Withdrawals_KeepTheirDateAndStatus()
    {
        var rows = await OuladTestData.ColumnAsync<string>(_store, """
            SELECT state || '=' || count(*)
            FROM (SELECT concat_ws('|', status, coalesce(final_result, '-'), (withdrawn_on IS NOT NULL)::text, (completed_on IS NOT NULL)::text) AS state
                  FROM lrs.enrolments WHERE course_id = @course) e
            GROUP BY state ORDER BY state
            """, ("course", Course));
        var imd = await OuladTestData.ScalarAsync<long>(_store, "SELECT count(*) FROM lrs.learner_attributes WHERE imd_band = '10-20%'");

        Assert.Multiple(() =>
        {
            Assert.That(rows.Sum(r => int.Parse(r.Split('=')[1], CultureInfo.InvariantCulture)), Is.EqualTo(383));
            Assert.That(rows.Where(r => r.StartsWith("withdrawn|withdrawn|", StringComparison.Ordinal)), Is.Not.Empty);
            Assert.That(rows.Where(r => r.StartsWith("completed|", StringComparison.Ordinal)).All(r => r.Contains("|true=", StringComparison.Ordinal)), Is.True,
                "a completed enrolment has completed_on");
            Assert.That(rows.Where(r => r.StartsWith("withdrawn|", StringComparison.Ordinal)).All(r => r.Contains("|false=", StringComparison.Ordinal)), Is.True,
                "a withdrawn enrolment has no completed_on");
            Assert.That(imd, Is.EqualTo(23), "imd_band 10-20 is stored as 10-20%");
        });
    }

    [Test]
    public async Task Assessments_MapKindsDueDatesAndThePassMark()
    {
        var rows = await OuladTestData.ColumnAsync<string>(_store, """
            SELECT concat_ws('|', id, coalesce(topic_id, '-'), title, kind, due_on, weight, pass_threshold_pct)
            FROM lrs.assessments WHERE course_id = @course ORDER BY due_on, id
            """, ("course", Course));

        Assert.That(rows, Is.EqualTo(new[]
        {
            "oulad-a-1752|oulad-AAA-2013J-block-1|TMA 1|assignment|2013-10-20|10.00|40.00",
            "oulad-a-1753|oulad-AAA-2013J-block-2|TMA 2|assignment|2013-11-24|20.00|40.00",
            "oulad-a-1754|oulad-AAA-2013J-block-3|TMA 3|assignment|2014-01-26|20.00|40.00",
            "oulad-a-1755|oulad-AAA-2013J-block-4|TMA 4|assignment|2014-03-16|20.00|40.00",
            "oulad-a-1756|oulad-AAA-2013J-block-5|TMA 5|assignment|2014-05-04|30.00|40.00",
            "oulad-a-1757|-|Exam 1|exam|2014-06-26|100.00|40.00",
        }));
    }

    [Test]
    public async Task DerivedTopics_AreBlocksCompletedOnUnbankedSubmissions()
    {
        var topics = await OuladTestData.ColumnAsync<string>(_store,
            "SELECT concat_ws('|', id, title, position) FROM lrs.topics WHERE course_id = @course ORDER BY position", ("course", Course));
        var completions = await OuladTestData.ScalarAsync<long>(_store, """
            SELECT count(*) FROM lrs.topic_completions tc JOIN lrs.topics t ON t.id = tc.topic_id WHERE t.course_id = @course
            """, ("course", Course));
        var unbankedTmaSubmissions = await OuladTestData.ScalarAsync<long>(_store, """
            SELECT count(*) FROM lrs.submissions s JOIN lrs.assessments a ON a.id = s.assessment_id
            WHERE a.course_id = @course AND a.kind = 'assignment' AND NOT s.is_banked
            """, ("course", Course));
        var completedOnSubmissionDay = await OuladTestData.ScalarAsync<bool>(_store, """
            SELECT bool_and((tc.completed_at AT TIME ZONE 'Europe/London')::date = s.submitted_on)
            FROM lrs.topic_completions tc
            JOIN lrs.assessments a ON a.topic_id = tc.topic_id
            JOIN lrs.submissions s ON s.assessment_id = a.id AND s.user_id = tc.user_id
            """);
        var itemsInBlocks = await OuladTestData.ScalarAsync<long>(_store,
            "SELECT count(*) FROM lrs.content_items WHERE course_id = @course AND topic_id IS NOT NULL", ("course", Course));

        Assert.Multiple(() =>
        {
            Assert.That(topics, Is.EqualTo(Enumerable.Range(1, 5).Select(n => $"{Course}-block-{n}|Block {n}|{n - 1}")));
            Assert.That(completions, Is.EqualTo(unbankedTmaSubmissions).And.GreaterThan(0));
            Assert.That(completedOnSubmissionDay, Is.True);
            Assert.That(itemsInBlocks, Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task ContentItems_MapActivityTypes()
    {
        var rows = await OuladTestData.ColumnAsync<string>(_store, """
            SELECT source_type || '=' || type FROM lrs.content_items WHERE course_id = @course GROUP BY source_type, type ORDER BY source_type
            """, ("course", Course));

        Assert.That(rows, Is.EqualTo(new[]
        {
            "dataplus=interactive", "forumng=forum", "glossary=article", "homepage=other", "oucollaborate=interactive",
            "oucontent=article", "resource=resource", "subpage=article", "url=resource",
        }));
    }

    [Test]
    public async Task SourceAndRuns_AreRecorded()
    {
        var source = await OuladTestData.ScalarAsync<string>(_store,
            "SELECT kind || '|' || array_to_string(provides, ',') FROM ops.sources WHERE name = 'oulad'");
        var organisation = await OuladTestData.ScalarAsync<string[]>(_store,
            "SELECT provides FROM ops.organisation_sources WHERE organisation_id = 'oulad' AND source = 'oulad'");
        var runs = await OuladTestData.ColumnAsync<string>(_store,
            "SELECT concat_ws('|', kind, scope, status, rows_read, rows_rejected, (finished_at IS NOT NULL)::text) FROM ops.sync_runs WHERE source = 'oulad' ORDER BY started_at");

        Assert.Multiple(() =>
        {
            Assert.That(source, Does.StartWith("import|").And.Contain("activity_days").And.Contain("learner_attributes"));
            Assert.That(organisation, Does.Contain("topic_completions").And.Not.Contain("course_trainers"));
            Assert.That(runs, Has.Count.EqualTo(2));
            Assert.That(runs, Has.All.Match("^import\\|oulad\\|completed\\|[0-9]+\\|0\\|true$"));
            Assert.That(runs[0], Is.EqualTo(runs[1]));
        });
    }

    private async Task<Dictionary<string, (long Rows, string Digest)>> SnapshotAsync()
    {
        var snapshot = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            var rows = await OuladTestData.ScalarAsync<long>(_store, $"SELECT count(*) FROM lrs.{table}");
            var digest = await OuladTestData.ScalarAsync<string>(_store,
                $"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM lrs.{table} t");
            snapshot[table] = (rows, digest);
        }

        return snapshot;
    }
}
