using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.assessments (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct AssessmentRow(
    string Id,
    string CourseId,
    string? TopicId,
    string Title,
    string Kind,
    DateOnly? DueOn,
    decimal Weight,
    decimal PassThresholdPct) : IDemoRow<AssessmentRow>
{
    public static string Table => "lrs.assessments";

    public static string Columns => "id, course_id, topic_id, title, kind, due_on, weight, pass_threshold_pct, source";

    public static int Code => 13;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(Id, NpgsqlDbType.Text);
        importer.Write(CourseId, NpgsqlDbType.Text);
        if (TopicId is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(TopicId, NpgsqlDbType.Text);
        }
        importer.Write(Title, NpgsqlDbType.Text);
        importer.Write(Kind, NpgsqlDbType.Text);
        if (DueOn is { } dueOn)
        {
            importer.Write(dueOn, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
        importer.Write(Weight, NpgsqlDbType.Numeric);
        importer.Write(PassThresholdPct, NpgsqlDbType.Numeric);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(Id);
        hasher.Add(CourseId);
        hasher.Add(TopicId);
        hasher.Add(Title);
        hasher.Add(Kind);
        hasher.Add(DueOn);
        hasher.Add(Weight);
        hasher.Add(PassThresholdPct);
    }
}
