using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.recommendations_feed (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct RecommendationRow(
    string UserId,
    string ItemType,
    string ItemId,
    string Reason,
    decimal Score,
    string Provider,
    DateTime GeneratedAt) : IDemoRow<RecommendationRow>
{
    public static string Table => "lrs.recommendations_feed";

    public static string Columns => "user_id, item_type, item_id, reason, score, provider, generated_at, source";

    public static int Code => 29;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(UserId, NpgsqlDbType.Text);
        importer.Write(ItemType, NpgsqlDbType.Text);
        importer.Write(ItemId, NpgsqlDbType.Text);
        importer.Write(Reason, NpgsqlDbType.Text);
        importer.Write(Score, NpgsqlDbType.Numeric);
        importer.Write(Provider, NpgsqlDbType.Text);
        importer.Write(GeneratedAt, NpgsqlDbType.TimestampTz);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(UserId);
        hasher.Add(ItemType);
        hasher.Add(ItemId);
        hasher.Add(Reason);
        hasher.Add(Score);
        hasher.Add(Provider);
        hasher.Add(GeneratedAt);
    }
}
