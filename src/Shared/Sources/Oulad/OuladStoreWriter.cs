using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// Writes everything but activity_days in one transaction, in load order (SOURCES.md §1.2), as the upserts of DATA_MODEL.md §0/§1.6:
/// binary COPY into a temporary stage, then <c>INSERT … ON CONFLICT (key) DO UPDATE … WHERE … IS DISTINCT FROM …</c>, so an unchanged
/// row is not rewritten and a re-import of the same files changes nothing. Rows of the imported presentations that the files no
/// longer hold are deleted (the replace scope of <c>--mode replace</c>); users and departments belong to the organisation and stay.
/// </summary>
public sealed class OuladStoreWriter
{
    private const string Source = OuladActivityRow.Source;
    private readonly NpgsqlConnection _connection;
    private readonly OuladDataSet _data;
    private readonly string[] _courseIds;
    private readonly List<OuladTableResult> _tables = [];

    public OuladStoreWriter(NpgsqlConnection connection, OuladDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _connection = connection;
        _data = data;
        _courseIds = [.. data.Courses.Select(c => c.Id)];
    }

    /// <summary>The lrs tables the importer can fill (ops.sources.provides).</summary>
    public static IReadOnlyList<string> ProvidedTables { get; } =
    [
        "organisations", "departments", "users", "user_roles", "courses", "course_trainers", "topics", "content_items", "assessments",
        "enrolments", "learner_attributes", "activity_days", "topic_completions", "submissions",
    ];

    public IReadOnlyList<OuladTableResult> Tables => _tables;

    /// <summary>The tables this import fills for the organisation (ops.organisation_sources.provides).</summary>
    public IReadOnlyList<string> Provides =>
        [.. ProvidedTables.Where(t => t switch
        {
            "course_trainers" => _data.Options.TrainerPerModule,
            "topics" or "topic_completions" => _data.Options.DeriveTopics,
            _ => true,
        })];

    public async Task WriteReferenceAsync(CancellationToken cancellationToken)
    {
        await UpsertOrganisationAsync(cancellationToken);
        await UpsertAsync("departments", "id, organisation_id, name", "id", _data.Departments, (w, d) =>
        {
            w.Write(d.Id, NpgsqlDbType.Text);
            w.Write(_data.Options.OrganisationId, NpgsqlDbType.Text);
            w.Write(d.Name, NpgsqlDbType.Text);
        }, null, cancellationToken);
        // Only the columns the source owns: leaderboard_privacy, predictive_opt_out and last_login_at are this service's.
        await UpsertAsync("users", "id, organisation_id, department_id, email, display_name, created_at, active", "id", _data.Users, (w, u) =>
        {
            w.Write(u.Id, NpgsqlDbType.Text);
            w.Write(_data.Options.OrganisationId, NpgsqlDbType.Text);
            w.WriteText(u.DepartmentId);
            w.WriteNull();
            w.Write(u.DisplayName, NpgsqlDbType.Text);
            w.Write(u.CreatedAt, NpgsqlDbType.TimestampTz);
            w.Write(true, NpgsqlDbType.Boolean);
        }, null, cancellationToken);
        await UpsertAsync("user_roles", "user_id, role", "user_id, role", _data.Users, (w, u) =>
        {
            w.Write(u.Id, NpgsqlDbType.Text);
            w.Write(u.Role, NpgsqlDbType.Text);
        }, "t.user_id IN (SELECT s.user_id FROM oulad_stage_user_roles s)", cancellationToken);
        await UpsertAsync("courses", "id, organisation_id, title, category, starts_on, ends_on, length_days, attributes", "id", _data.Courses, (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Text);
            w.Write(_data.Options.OrganisationId, NpgsqlDbType.Text);
            w.Write(c.Title, NpgsqlDbType.Text);
            w.Write(c.Module, NpgsqlDbType.Text);
            w.Write(c.StartsOn, NpgsqlDbType.Date);
            w.Write(c.EndsOn, NpgsqlDbType.Date);
            w.Write(c.LengthDays, NpgsqlDbType.Integer);
            w.Write(CourseAttributes(c), NpgsqlDbType.Jsonb);
        }, null, cancellationToken);
        await UpsertAsync("course_trainers", "course_id, user_id", "course_id, user_id", _data.CourseTrainers, (w, t) =>
        {
            w.Write(t.CourseId, NpgsqlDbType.Text);
            w.Write(t.UserId, NpgsqlDbType.Text);
        }, "t.course_id = ANY(@courseIds)", cancellationToken);
        // Stale topics go last (FinishAsync): content items and assessments must first move to their new blocks.
        await UpsertAsync("topics", "id, course_id, title, position", "id", _data.Topics, (w, t) =>
        {
            w.Write(t.Id, NpgsqlDbType.Text);
            w.Write(t.CourseId, NpgsqlDbType.Text);
            w.Write(t.Title, NpgsqlDbType.Text);
            w.Write(t.Position, NpgsqlDbType.Integer);
        }, null, cancellationToken);
        await UpsertAsync("content_items", "id, course_id, topic_id, title, type, source_type, creation_method, duration_s", "id", _data.Sites, (w, s) =>
        {
            w.Write(s.Id, NpgsqlDbType.Text);
            w.Write(_data.Courses[s.Course].Id, NpgsqlDbType.Text);
            w.WriteText(s.TopicId);
            w.WriteNull();
            w.Write(s.Type, NpgsqlDbType.Text);
            w.Write(s.ActivityType, NpgsqlDbType.Text);
            w.WriteNull();
            w.WriteNull();
        }, "t.course_id = ANY(@courseIds)", cancellationToken);
        await UpsertAsync("assessments", "id, course_id, topic_id, title, kind, due_on, weight, pass_threshold_pct", "id", _data.Assessments, (w, a) =>
        {
            w.Write(a.Id, NpgsqlDbType.Text);
            w.Write(_data.Courses[a.Course].Id, NpgsqlDbType.Text);
            w.WriteText(a.TopicId);
            w.Write(a.Title, NpgsqlDbType.Text);
            w.Write(a.Kind, NpgsqlDbType.Text);
            w.Write(a.DueOn, NpgsqlDbType.Date);
            w.Write(a.Weight, NpgsqlDbType.Numeric);
            w.Write(OuladAssessment.PassThresholdPct, NpgsqlDbType.Numeric);
        }, "t.course_id = ANY(@courseIds)", cancellationToken);
        await UpsertAsync("enrolments",
            "id, course_id, user_id, enrolled_on, kind, completed_on, withdrawn_on, status, final_result, progress_pct", "id", _data.Registrations, (w, r) =>
            {
                w.Write(r.EnrolmentId, NpgsqlDbType.Text);
                w.Write(_data.Courses[r.Course].Id, NpgsqlDbType.Text);
                w.Write(r.UserId, NpgsqlDbType.Text);
                w.WriteValue(r.EnrolledOn, NpgsqlDbType.Date);
                w.Write("voluntary", NpgsqlDbType.Text);
                w.WriteValue(r.CompletedOn, NpgsqlDbType.Date);
                w.WriteValue(r.WithdrawnOn, NpgsqlDbType.Date);
                w.Write(r.Status, NpgsqlDbType.Text);
                w.WriteText(r.FinalResult);
                w.WriteNull();
            }, "t.course_id = ANY(@courseIds)", cancellationToken);
        await UpsertAsync("learner_attributes",
            "enrolment_id, user_id, gender, age_band, highest_education, imd_band, disability, region, num_of_prev_attempts, studied_credits, extra",
            "enrolment_id", _data.Registrations, (w, r) =>
            {
                var a = r.Attributes;
                w.Write(r.EnrolmentId, NpgsqlDbType.Text);
                w.Write(r.UserId, NpgsqlDbType.Text);
                w.WriteText(a.Gender);
                w.WriteText(a.AgeBand);
                w.WriteText(a.HighestEducation);
                w.WriteText(a.ImdBand);
                w.WriteValue(a.Disability, NpgsqlDbType.Boolean);
                w.WriteText(a.Region);
                w.WriteValue(a.NumOfPrevAttempts, NpgsqlDbType.Smallint);
                w.WriteValue(a.StudiedCredits, NpgsqlDbType.Smallint);
                w.Write("{}", NpgsqlDbType.Jsonb);
            }, "t.enrolment_id IN (SELECT e.id FROM lrs.enrolments e WHERE e.course_id = ANY(@courseIds))", cancellationToken);
        await UpsertAsync("submissions",
            "id, assessment_id, user_id, submitted_on, submitted_at, attempt, score_pct, time_spent_s, is_banked", "id", _data.Submissions, (w, s) =>
            {
                w.Write(s.Id, NpgsqlDbType.Text);
                w.Write(s.Assessment.Id, NpgsqlDbType.Text);
                w.Write(s.UserId, NpgsqlDbType.Text);
                w.Write(s.SubmittedOn, NpgsqlDbType.Date);
                w.WriteNull();
                w.Write((short)1, NpgsqlDbType.Smallint);
                w.WriteValue(s.ScorePct, NpgsqlDbType.Numeric);
                w.WriteNull();
                w.Write(s.IsBanked, NpgsqlDbType.Boolean);
            }, "t.assessment_id IN (SELECT a.id FROM lrs.assessments a WHERE a.course_id = ANY(@courseIds))", cancellationToken);
        await UpsertAsync("topic_completions", "user_id, topic_id, completed_at", "user_id, topic_id", _data.TopicCompletions, (w, c) =>
        {
            w.Write(c.UserId, NpgsqlDbType.Text);
            w.Write(c.TopicId, NpgsqlDbType.Text);
            w.Write(c.CompletedAt, NpgsqlDbType.TimestampTz);
        }, "t.topic_id IN (SELECT p.id FROM lrs.topics p WHERE p.course_id = ANY(@courseIds))", cancellationToken);
    }

    /// <summary>Deletes the stale blocks, records the rejects and registers the source for the organisation (same transaction).</summary>
    public async Task FinishAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deleted = await ExecuteAsync("""
            DELETE FROM lrs.topics t
            WHERE t.source = 'oulad' AND t.course_id = ANY(@courseIds)
              AND NOT EXISTS (SELECT 1 FROM oulad_stage_topics s WHERE s.id = t.id)
            """, cancellationToken);
        var index = _tables.FindIndex(t => t.Table == "lrs.topics");
        _tables[index] = _tables[index] with { Deleted = deleted };

        await using var batch = new NpgsqlBatch(_connection);
        var clear = new NpgsqlBatchCommand("DELETE FROM ops.sync_rejects WHERE source = 'oulad' AND scope = @organisation");
        clear.Parameters.AddWithValue("organisation", _data.Options.OrganisationId);
        batch.BatchCommands.Add(clear);
        foreach (var reject in _data.Rejects)
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO ops.sync_rejects (source, entity, record_key, scope, reason, payload, first_seen_at, last_seen_at)
                VALUES ('oulad', @entity, @key, @organisation, @reason, @payload, @now, @now)
                ON CONFLICT (source, entity, record_key) DO UPDATE
                SET scope = excluded.scope, reason = excluded.reason, payload = excluded.payload, last_seen_at = excluded.last_seen_at,
                    attempts = ops.sync_rejects.attempts + 1
                """);
            insert.Parameters.AddWithValue("entity", reject.Entity);
            insert.Parameters.AddWithValue("key", reject.RecordKey);
            insert.Parameters.AddWithValue("organisation", _data.Options.OrganisationId);
            insert.Parameters.AddWithValue("reason", reject.Reason);
            insert.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Jsonb)
            {
                Value = OuladJson.Object(new Dictionary<string, object> { ["file"] = reject.File, ["line"] = reject.Line }),
            });
            insert.Parameters.AddWithValue("now", now);
            batch.BatchCommands.Add(insert);
        }

        var source = new NpgsqlBatchCommand("""
            INSERT INTO ops.sources (name, kind, provides, description, registered_at, last_loaded_at)
            VALUES ('oulad', 'import', @provides, 'OULAD importer (SOURCES.md §4)', @now, @now)
            ON CONFLICT (name) DO UPDATE
            SET kind = excluded.kind, provides = excluded.provides, description = excluded.description, last_loaded_at = excluded.last_loaded_at
            """);
        source.Parameters.AddWithValue("provides", ProvidedTables.ToArray());
        source.Parameters.AddWithValue("now", now);
        batch.BatchCommands.Add(source);
        var organisation = new NpgsqlBatchCommand("""
            INSERT INTO ops.organisation_sources (organisation_id, source, provides)
            VALUES (@organisation, 'oulad', @provides)
            ON CONFLICT (organisation_id, source) DO UPDATE SET provides = excluded.provides
            """);
        organisation.Parameters.AddWithValue("organisation", _data.Options.OrganisationId);
        organisation.Parameters.AddWithValue("provides", Provides.ToArray());
        batch.BatchCommands.Add(organisation);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The organisation row: Europe/London and <c>settings.analysisDate</c>, merged into the settings an operator may have added
    /// (minGroupSize, analytics overrides), which stay.
    /// </summary>
    private async Task UpsertOrganisationAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            WITH w AS (
                INSERT INTO lrs.organisations AS t (id, name, time_zone, settings, source)
                VALUES (@id, @name, 'Europe/London', @settings, 'oulad')
                ON CONFLICT (id) DO UPDATE
                SET name = excluded.name, time_zone = excluded.time_zone, settings = t.settings || excluded.settings,
                    source = excluded.source, synced_at = now()
                WHERE (t.name, t.time_zone, t.settings, t.source)
                      IS DISTINCT FROM (excluded.name, excluded.time_zone, t.settings || excluded.settings, excluded.source)
                RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM w
            """, _connection);
        command.Parameters.AddWithValue("id", _data.Options.OrganisationId);
        command.Parameters.AddWithValue("name", _data.Options.OrganisationName);
        command.Parameters.Add(new NpgsqlParameter("settings", NpgsqlDbType.Jsonb)
        {
            Value = string.Create(CultureInfo.InvariantCulture, $$"""{"analysisDate": "{{_data.AnalysisDate:yyyy-MM-dd}}"}"""),
        });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        _tables.Add(new OuladTableResult("lrs.organisations", 1, reader.GetInt64(0), reader.GetInt64(1), 0));
    }

    private async Task UpsertAsync<T>(
        string table, string columns, string key, IReadOnlyList<T> rows, Action<NpgsqlBinaryImporter, T> write, string? staleScope,
        CancellationToken cancellationToken)
    {
        var stage = "oulad_stage_" + table;
        await ExecuteAsync($"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {columns} FROM lrs.{table} WITH NO DATA", cancellationToken);
        await using (var importer = await _connection.BeginBinaryImportAsync($"COPY {stage} ({columns}) FROM STDIN (FORMAT binary)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                write(importer, row);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        var keyColumns = key.Split(", ");
        var deleted = 0L;
        if (staleScope is not null)
        {
            var match = string.Join(" AND ", keyColumns.Select(k => $"s.{k} = t.{k}"));
            deleted = await ExecuteAsync(
                $"DELETE FROM lrs.{table} t WHERE t.source = '{Source}' AND {staleScope} AND NOT EXISTS (SELECT 1 FROM {stage} s WHERE {match})",
                cancellationToken);
        }

        var owned = columns.Split(", ").Except(keyColumns).Append("source").ToArray();
        var sql = $"""
            WITH w AS (
                INSERT INTO lrs.{table} AS t ({columns}, source)
                SELECT {columns}, '{Source}' FROM {stage}
                ON CONFLICT ({key}) DO UPDATE
                SET {string.Join(", ", owned.Select(c => $"{c} = excluded.{c}"))}, synced_at = now()
                WHERE ({string.Join(", ", owned.Select(c => "t." + c))}) IS DISTINCT FROM ({string.Join(", ", owned.Select(c => "excluded." + c))})
                RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM w
            """;
        await using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        _tables.Add(new OuladTableResult("lrs." + table, rows.Count, reader.GetInt64(0), reader.GetInt64(1), deleted));
    }

    private async Task<long> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
        if (sql.Contains("@courseIds", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("courseIds", _courseIds);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string CourseAttributes(OuladCourse course) => OuladJson.Object(_data.Options.DeriveTopics
        ? new Dictionary<string, object> { ["module"] = course.Module, ["presentation"] = course.Presentation, ["derivedTopics"] = true }
        : new Dictionary<string, object> { ["module"] = course.Module, ["presentation"] = course.Presentation });
}
