using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.sessions (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct SessionRow(
    string UserId,
    DateTime StartedAt,
    int DurationSeconds) : IDemoRow<SessionRow>
{
    public static string Table => "lrs.sessions";

    public static string Columns => "user_id, started_at, duration_s, source";

    public static int Code => 21;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(UserId, NpgsqlDbType.Text);
        importer.Write(StartedAt, NpgsqlDbType.TimestampTz);
        importer.Write(DurationSeconds, NpgsqlDbType.Integer);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(UserId);
        hasher.Add(StartedAt);
        hasher.Add(DurationSeconds);
    }
}
