using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.learning_path_topics (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct LearningPathTopicRow(
    string PathId,
    int Position,
    string TopicId) : IDemoRow<LearningPathTopicRow>
{
    public static string Table => "lrs.learning_path_topics";

    public static string Columns => "path_id, position, topic_id, source";

    public static int Code => 19;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(PathId, NpgsqlDbType.Text);
        importer.Write(Position, NpgsqlDbType.Integer);
        importer.Write(TopicId, NpgsqlDbType.Text);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(PathId);
        hasher.Add(Position);
        hasher.Add(TopicId);
    }
}
