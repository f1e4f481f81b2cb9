using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.skills (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct SkillRow(
    string Id,
    string Name,
    string Category,
    short MarketDemand) : IDemoRow<SkillRow>
{
    public static string Table => "lrs.skills";

    public static string Columns => "id, name, category, market_demand, source";

    public static int Code => 5;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(Name, NpgsqlDbType.Text);
        importer.Write(Category, NpgsqlDbType.Text);
        importer.Write(MarketDemand, NpgsqlDbType.Smallint);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(Name);
        hasher.Add(Category);
        hasher.Add(MarketDemand);
    }
}
