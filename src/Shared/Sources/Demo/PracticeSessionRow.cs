using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.practice_sessions (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct PracticeSessionRow(
    string Id,
    string UserId,
    string? TopicId,
    string? SkillId,
    DateTime StartedAt,
    bool Passed,
    decimal ScorePct,
    short Attempts) : IDemoRow<PracticeSessionRow>
{
    public static string Table => "lrs.practice_sessions";

    public static string Columns => "id, user_id, topic_id, skill_id, started_at, passed, score_pct, attempts, source";

    public static int Code => 25;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(UserId, NpgsqlDbType.Text);
        if (TopicId is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(TopicId, NpgsqlDbType.Text);
        }
        if (SkillId is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(SkillId, NpgsqlDbType.Text);
        }
        importer.Write(StartedAt, NpgsqlDbType.TimestampTz);
        importer.Write(Passed, NpgsqlDbType.Boolean);
        importer.Write(ScorePct, NpgsqlDbType.Numeric);
        importer.Write(Attempts, NpgsqlDbType.Smallint);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(UserId);
        hasher.Add(TopicId);
        hasher.Add(SkillId);
        hasher.Add(StartedAt);
        hasher.Add(Passed);
        hasher.Add(ScorePct);
        hasher.Add(Attempts);
    }
}
