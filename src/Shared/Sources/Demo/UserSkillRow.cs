using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.user_skills (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct UserSkillRow(
    string UserId,
    string SkillId,
    short Level,
    bool Acquired,
    DateOnly? AcquiredOn,
    string? Method) : IDemoRow<UserSkillRow>
{
    public static string Table => "lrs.user_skills";

    public static string Columns => "user_id, skill_id, level, acquired, acquired_on, method, source";

    public static int Code => 17;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(UserId, NpgsqlDbType.Text);
        importer.Write(SkillId, NpgsqlDbType.Text);
        importer.Write(Level, NpgsqlDbType.Smallint);
        importer.Write(Acquired, NpgsqlDbType.Boolean);
        if (AcquiredOn is { } acquiredOn)
        {
            importer.Write(acquiredOn, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
        if (Method is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(Method, NpgsqlDbType.Text);
        }
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(UserId);
        hasher.Add(SkillId);
        hasher.Add(Level);
        hasher.Add(Acquired);
        hasher.Add(AcquiredOn);
        hasher.Add(Method);
    }
}
