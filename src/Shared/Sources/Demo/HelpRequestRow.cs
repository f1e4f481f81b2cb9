using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.help_requests (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct HelpRequestRow(
    string Id,
    string UserId,
    string? CourseId,
    DateTime AskedAt) : IDemoRow<HelpRequestRow>
{
    public static string Table => "lrs.help_requests";

    public static string Columns => "id, user_id, course_id, asked_at, source";

    public static int Code => 26;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(UserId, NpgsqlDbType.Text);
        if (CourseId is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(CourseId, NpgsqlDbType.Text);
        }
        importer.Write(AskedAt, NpgsqlDbType.TimestampTz);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(UserId);
        hasher.Add(CourseId);
        hasher.Add(AskedAt);
    }
}
