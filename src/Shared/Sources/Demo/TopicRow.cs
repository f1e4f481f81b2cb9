using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.topics (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct TopicRow(
    string Id,
    string CourseId,
    string Title,
    int Position) : IDemoRow<TopicRow>
{
    public static string Table => "lrs.topics";

    public static string Columns => "id, course_id, title, position, source";

    public static int Code => 9;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(CourseId, NpgsqlDbType.Text);
        importer.Write(Title, NpgsqlDbType.Text);
        importer.Write(Position, NpgsqlDbType.Integer);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(CourseId);
        hasher.Add(Title);
        hasher.Add(Position);
    }
}
