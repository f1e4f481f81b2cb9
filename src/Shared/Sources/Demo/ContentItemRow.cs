using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.content_items (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct ContentItemRow(
    string Id,
    string CourseId,
    string? TopicId,
    string Title,
    string Type,
    string CreationMethod,
    int? DurationSeconds) : IDemoRow<ContentItemRow>
{
    public static string Table => "lrs.content_items";

    public static string Columns => "id, course_id, topic_id, title, type, creation_method, duration_s, source";

    public static int Code => 10;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(CourseId, NpgsqlDbType.Text);
        if (TopicId is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(TopicId, NpgsqlDbType.Text);
        }
        importer.Write(Title, NpgsqlDbType.Text);
        importer.Write(Type, NpgsqlDbType.Text);
        importer.Write(CreationMethod, NpgsqlDbType.Text);
        if (DurationSeconds is { } durationSeconds)
        {
            importer.Write(durationSeconds, NpgsqlDbType.Integer);
        }
        else
        {
            importer.WriteNull();
        }
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(CourseId);
        hasher.Add(TopicId);
        hasher.Add(Title);
        hasher.Add(Type);
        hasher.Add(CreationMethod);
        hasher.Add(DurationSeconds);
    }
}
