using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.organisations (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct OrganisationRow(
    string Id,
    string Name,
    string TimeZone,
    string Settings) : IDemoRow<OrganisationRow>
{
    public static string Table => "lrs.organisations";

    public static string Columns => "id, name, time_zone, settings, source";

    public static int Code => 1;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(Name, NpgsqlDbType.Text);
        importer.Write(TimeZone, NpgsqlDbType.Text);
        importer.Write(Settings, NpgsqlDbType.Jsonb);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(Name);
        hasher.Add(TimeZone);
        hasher.Add(Settings);
    }
}
