using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.skill_targets (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct SkillTargetRow(
    string Id,
    string OrganisationId,
    string? DepartmentId,
    string SkillId,
    short RequiredLevel,
    string BusinessPriority,
    string ValueProposition,
    short CareerImpact) : IDemoRow<SkillTargetRow>
{
    public static string Table => "lrs.skill_targets";

    public static string Columns => "id, organisation_id, department_id, skill_id, required_level, business_priority, value_proposition, career_impact, source";

    public static int Code => 15;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(OrganisationId, NpgsqlDbType.Text);
        if (DepartmentId is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(DepartmentId, NpgsqlDbType.Text);
        }
        importer.Write(SkillId, NpgsqlDbType.Text);
        importer.Write(RequiredLevel, NpgsqlDbType.Smallint);
        importer.Write(BusinessPriority, NpgsqlDbType.Text);
        importer.Write(ValueProposition, NpgsqlDbType.Text);
        importer.Write(CareerImpact, NpgsqlDbType.Smallint);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(OrganisationId);
        hasher.Add(DepartmentId);
        hasher.Add(SkillId);
        hasher.Add(RequiredLevel);
        hasher.Add(BusinessPriority);
        hasher.Add(ValueProposition);
        hasher.Add(CareerImpact);
    }
}
