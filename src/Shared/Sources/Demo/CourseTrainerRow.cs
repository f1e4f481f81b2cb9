using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.course_trainers (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct CourseTrainerRow(
    string CourseId,
    string UserId) : IDemoRow<CourseTrainerRow>
{
    public static string Table => "lrs.course_trainers";

    public static string Columns => "course_id, user_id, source";

    public static int Code => 8;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(CourseId, NpgsqlDbType.Text);
        importer.Write(UserId, NpgsqlDbType.Text);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(CourseId);
        hasher.Add(UserId);
    }
}
