using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.content_contributions (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct ContentContributionRow(
    string UserId,
    string ContentItemId,
    string Kind,
    DateTime At) : IDemoRow<ContentContributionRow>
{
    public static string Table => "lrs.content_contributions";

    public static string Columns => "user_id, content_item_id, kind, at, source";

    public static int Code => 28;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(UserId, NpgsqlDbType.Text);
        importer.Write(ContentItemId, NpgsqlDbType.Text);
        importer.Write(Kind, NpgsqlDbType.Text);
        importer.Write(At, NpgsqlDbType.TimestampTz);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(UserId);
        hasher.Add(ContentItemId);
        hasher.Add(Kind);
        hasher.Add(At);
    }
}
