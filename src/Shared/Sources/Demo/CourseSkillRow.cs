using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.course_skills (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct CourseSkillRow(
    string CourseId,
    string SkillId) : IDemoRow<CourseSkillRow>
{
    public static string Table => "lrs.course_skills";

    public static string Columns => "course_id, skill_id, source";

    public static int Code => 11;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(CourseId, NpgsqlDbType.Text);
        importer.Write(SkillId, NpgsqlDbType.Text);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(CourseId);
        hasher.Add(SkillId);
    }
}
