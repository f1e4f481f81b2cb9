using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.enrolments (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct EnrolmentRow(
    string Id,
    string CourseId,
    string UserId,
    DateOnly EnrolledOn,
    string Kind,
    DateOnly? CompletedOn,
    DateOnly? WithdrawnOn,
    string Status,
    string? FinalResult,
    decimal ProgressPct) : IDemoRow<EnrolmentRow>
{
    public static string Table => "lrs.enrolments";

    public static string Columns => "id, course_id, user_id, enrolled_on, kind, completed_on, withdrawn_on, status, final_result, progress_pct, source";

    public static int Code => 14;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(CourseId, NpgsqlDbType.Text);
        importer.Write(UserId, NpgsqlDbType.Text);
        importer.Write(EnrolledOn, NpgsqlDbType.Date);
        importer.Write(Kind, NpgsqlDbType.Text);
        if (CompletedOn is { } completedOn)
        {
            importer.Write(completedOn, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
        if (WithdrawnOn is { } withdrawnOn)
        {
            importer.Write(withdrawnOn, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
        importer.Write(Status, NpgsqlDbType.Text);
        if (FinalResult is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(FinalResult, NpgsqlDbType.Text);
        }
        importer.Write(ProgressPct, NpgsqlDbType.Numeric);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(CourseId);
        hasher.Add(UserId);
        hasher.Add(EnrolledOn);
        hasher.Add(Kind);
        hasher.Add(CompletedOn);
        hasher.Add(WithdrawnOn);
        hasher.Add(Status);
        hasher.Add(FinalResult);
        hasher.Add(ProgressPct);
    }
}
