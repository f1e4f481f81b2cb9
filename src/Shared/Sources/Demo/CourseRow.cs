using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.courses (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct CourseRow(
    string Id,
    string OrganisationId,
    string Title,
    string Category,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    int LengthDays,
    string Attributes) : IDemoRow<CourseRow>
{
    public static string Table => "lrs.courses";

    public static string Columns => "id, organisation_id, title, category, starts_on, ends_on, length_days, attributes, source";

    public static int Code => 7;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(OrganisationId, NpgsqlDbType.Text);
        importer.Write(Title, NpgsqlDbType.Text);
        importer.Write(Category, NpgsqlDbType.Text);
        if (StartsOn is { } startsOn)
        {
            importer.Write(startsOn, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
        if (EndsOn is { } endsOn)
        {
            importer.Write(endsOn, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
        importer.Write(LengthDays, NpgsqlDbType.Integer);
        importer.Write(Attributes, NpgsqlDbType.Jsonb);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(OrganisationId);
        hasher.Add(Title);
        hasher.Add(Category);
        hasher.Add(StartsOn);
        hasher.Add(EndsOn);
        hasher.Add(LengthDays);
        hasher.Add(Attributes);
    }
}
