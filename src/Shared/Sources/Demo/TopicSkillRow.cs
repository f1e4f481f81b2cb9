using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.topic_skills (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct TopicSkillRow(
    string TopicId,
    string SkillId) : IDemoRow<TopicSkillRow>
{
    public static string Table => "lrs.topic_skills";

    public static string Columns => "topic_id, skill_id, source";

    public static int Code => 12;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(TopicId, NpgsqlDbType.Text);
        importer.Write(SkillId, NpgsqlDbType.Text);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(TopicId);
        hasher.Add(SkillId);
    }
}
