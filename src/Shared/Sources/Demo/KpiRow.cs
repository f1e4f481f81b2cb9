using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.kpis (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct KpiRow(
    string Id,
    string OrganisationId,
    string Name,
    string Unit,
    decimal Target,
    decimal Value,
    decimal Weight,
    string Period) : IDemoRow<KpiRow>
{
    public static string Table => "lrs.kpis";

    public static string Columns => "id, organisation_id, name, unit, target, value, weight, period, source";

    public static int Code => 16;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(OrganisationId, NpgsqlDbType.Text);
        importer.Write(Name, NpgsqlDbType.Text);
        importer.Write(Unit, NpgsqlDbType.Text);
        importer.Write(Target, NpgsqlDbType.Numeric);
        importer.Write(Value, NpgsqlDbType.Numeric);
        importer.Write(Weight, NpgsqlDbType.Numeric);
        importer.Write(Period, NpgsqlDbType.Text);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(OrganisationId);
        hasher.Add(Name);
        hasher.Add(Unit);
        hasher.Add(Target);
        hasher.Add(Value);
        hasher.Add(Weight);
        hasher.Add(Period);
    }
}
