using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.topic_completions (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct TopicCompletionRow(
    string UserId,
    string TopicId,
    DateTime CompletedAt) : IDemoRow<TopicCompletionRow>
{
    public static string Table => "lrs.topic_completions";

    public static string Columns => "user_id, topic_id, completed_at, source";

    public static int Code => 22;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(UserId, NpgsqlDbType.Text);
        importer.Write(TopicId, NpgsqlDbType.Text);
        importer.Write(CompletedAt, NpgsqlDbType.TimestampTz);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(UserId);
        hasher.Add(TopicId);
        hasher.Add(CompletedAt);
    }
}
