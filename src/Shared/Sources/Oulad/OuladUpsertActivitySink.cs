using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// The path for months that already hold rows (a re-import): per hand-over, the keys go by binary COPY into a temporary stage, the
/// presentations' <c>oulad</c> rows missing from it are deleted, and the rest is upserted on the key of DATA_MODEL.md §1.6 with the
/// <c>IS DISTINCT FROM</c> guard, so unchanged rows are not rewritten. Runs synchronously on the reader's thread, inside the
/// import's transaction.
/// </summary>
public sealed class OuladUpsertActivitySink(NpgsqlConnection connection, OuladDataSet data) : IOuladActivitySink
{
    private const string Stage = "oulad_stage_activity_days";
    private bool _created;

    public long Rows { get; private set; }
    public long Inserted { get; private set; }
    public long Updated { get; private set; }
    public long Deleted { get; private set; }

    public OuladTableResult Result => new("lrs.activity_days", Rows, Inserted, Updated, Deleted);

    public void Write(IReadOnlyList<int> courses, Dictionary<ulong, ulong> keys)
    {
        ArgumentNullException.ThrowIfNull(courses);
        ArgumentNullException.ThrowIfNull(keys);
        Execute(_created
            ? $"TRUNCATE {Stage}"
            : $"""
               CREATE TEMP TABLE {Stage} (user_id text COLLATE "C" NOT NULL, course_id text COLLATE "C" NOT NULL,
                   content_item_id text COLLATE "C" NOT NULL, day date NOT NULL, events integer NOT NULL, raw_rows integer NOT NULL) ON COMMIT DROP
               """);
        _created = true;
        using (var importer = connection.BeginBinaryImport($"COPY {Stage} (user_id, course_id, content_item_id, day, events, raw_rows) FROM STDIN (FORMAT binary)"))
        {
            foreach (var (key, value) in keys)
            {
                var (registrationIndex, site, offset) = OuladClickReader.Decode(key);
                var registration = data.Registrations[registrationIndex];
                var course = data.Courses[registration.Course];
                importer.StartRow();
                importer.Write(registration.UserId, NpgsqlDbType.Text);
                importer.Write(course.Id, NpgsqlDbType.Text);
                importer.Write(data.Sites[site].Id, NpgsqlDbType.Text);
                importer.Write(course.Day(offset), NpgsqlDbType.Date);
                importer.Write((int)(value >> 32), NpgsqlDbType.Integer);
                importer.Write((int)(uint)value, NpgsqlDbType.Integer);
            }

            importer.Complete();
        }

        Rows += keys.Count;
        var courseIds = courses.Select(c => data.Courses[c].Id).ToArray();
        Execute($"ANALYZE {Stage}");
        Deleted += Execute($"""
            DELETE FROM lrs.activity_days t
            WHERE t.course_id = ANY(@courseIds) AND t.source = 'oulad'
              AND NOT EXISTS (SELECT 1 FROM {Stage} s
                              WHERE s.user_id = t.user_id AND s.day = t.day AND s.course_id = t.course_id AND s.content_item_id = t.content_item_id)
            """, courseIds);
        using var command = new NpgsqlCommand($"""
            WITH w AS (
                INSERT INTO lrs.activity_days AS t (user_id, course_id, content_item_id, day, events, raw_rows, source)
                SELECT user_id, course_id, content_item_id, day, events, raw_rows, 'oulad' FROM {Stage}
                ON CONFLICT (user_id, day, course_id, content_item_id) DO UPDATE
                SET events = excluded.events, raw_rows = excluded.raw_rows, minutes = excluded.minutes, source = excluded.source, synced_at = now()
                WHERE (t.events, t.raw_rows, t.minutes, t.source) IS DISTINCT FROM (excluded.events, excluded.raw_rows, excluded.minutes, excluded.source)
                RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM w
            """, connection) { CommandTimeout = 0 };
        using var reader = command.ExecuteReader();
        reader.Read();
        Inserted += reader.GetInt64(0);
        Updated += reader.GetInt64(1);
    }

    private long Execute(string sql, string[]? courseIds = null)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        if (courseIds is not null)
        {
            command.Parameters.AddWithValue("courseIds", courseIds);
        }

        return command.ExecuteNonQuery();
    }
}
