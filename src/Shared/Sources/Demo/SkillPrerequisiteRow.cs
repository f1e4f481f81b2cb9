using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.skill_prerequisites (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct SkillPrerequisiteRow(
    string SkillId,
    string RequiresSkillId) : IDemoRow<SkillPrerequisiteRow>
{
    public static string Table => "lrs.skill_prerequisites";

    public static string Columns => "skill_id, requires_skill_id, source";

    public static int Code => 6;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(SkillId, NpgsqlDbType.Text);
        importer.Write(RequiresSkillId, NpgsqlDbType.Text);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(SkillId);
        hasher.Add(RequiresSkillId);
    }
}
