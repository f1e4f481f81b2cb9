using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.submissions (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct SubmissionRow(
    string Id,
    string AssessmentId,
    string UserId,
    DateOnly SubmittedOn,
    DateTime SubmittedAt,
    short Attempt,
    decimal ScorePct,
    int TimeSpentSeconds) : IDemoRow<SubmissionRow>
{
    public static string Table => "lrs.submissions";

    public static string Columns => "id, assessment_id, user_id, submitted_on, submitted_at, attempt, score_pct, time_spent_s, source";

    public static int Code => 23;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(AssessmentId, NpgsqlDbType.Text);
        importer.Write(UserId, NpgsqlDbType.Text);
        importer.Write(SubmittedOn, NpgsqlDbType.Date);
        importer.Write(SubmittedAt, NpgsqlDbType.TimestampTz);
        importer.Write(Attempt, NpgsqlDbType.Smallint);
        importer.Write(ScorePct, NpgsqlDbType.Numeric);
        importer.Write(TimeSpentSeconds, NpgsqlDbType.Integer);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(AssessmentId);
        hasher.Add(UserId);
        hasher.Add(SubmittedOn);
        hasher.Add(SubmittedAt);
        hasher.Add(Attempt);
        hasher.Add(ScorePct);
        hasher.Add(TimeSpentSeconds);
    }
}
