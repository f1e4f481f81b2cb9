using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.feedback (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct FeedbackRow(
    string Id,
    string CourseId,
    string UserId,
    short Rating,
    string? Comment,
    DateTime SubmittedAt) : IDemoRow<FeedbackRow>
{
    public static string Table => "lrs.feedback";

    public static string Columns => "id, course_id, user_id, rating, comment, submitted_at, source";

    public static int Code => 24;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(CourseId, NpgsqlDbType.Text);
        importer.Write(UserId, NpgsqlDbType.Text);
        importer.Write(Rating, NpgsqlDbType.Smallint);
        if (Comment is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(Comment, NpgsqlDbType.Text);
        }
        importer.Write(SubmittedAt, NpgsqlDbType.TimestampTz);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(CourseId);
        hasher.Add(UserId);
        hasher.Add(Rating);
        hasher.Add(Comment);
        hasher.Add(SubmittedAt);
    }
}
