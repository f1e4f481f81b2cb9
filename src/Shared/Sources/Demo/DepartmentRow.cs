using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.departments (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct DepartmentRow(
    string Id,
    string OrganisationId,
    string Name) : IDemoRow<DepartmentRow>
{
    public static string Table => "lrs.departments";

    public static string Columns => "id, organisation_id, name, source";

    public static int Code => 2;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(OrganisationId, NpgsqlDbType.Text);
        importer.Write(Name, NpgsqlDbType.Text);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(OrganisationId);
        hasher.Add(Name);
    }
}
