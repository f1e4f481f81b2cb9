using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.learning_paths (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct LearningPathRow(
    string Id,
    string UserId,
    string Title,
    DateTime CreatedAt) : IDemoRow<LearningPathRow>
{
    public static string Table => "lrs.learning_paths";

    public static string Columns => "id, user_id, title, created_at, source";

    public static int Code => 18;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(UserId, NpgsqlDbType.Text);
        importer.Write(Title, NpgsqlDbType.Text);
        importer.Write(CreatedAt, NpgsqlDbType.TimestampTz);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(UserId);
        hasher.Add(Title);
        hasher.Add(CreatedAt);
    }
}
