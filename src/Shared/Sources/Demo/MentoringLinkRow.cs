using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.mentoring_links (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct MentoringLinkRow(
    string MentorId,
    string MenteeId,
    DateOnly StartedOn,
    DateOnly? EndedOn) : IDemoRow<MentoringLinkRow>
{
    public static string Table => "lrs.mentoring_links";

    public static string Columns => "mentor_id, mentee_id, started_on, ended_on, source";

    public static int Code => 27;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(MentorId, NpgsqlDbType.Text);
        importer.Write(MenteeId, NpgsqlDbType.Text);
        importer.Write(StartedOn, NpgsqlDbType.Date);
        if (EndedOn is { } endedOn)
        {
            importer.Write(endedOn, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(MentorId);
        hasher.Add(MenteeId);
        hasher.Add(StartedOn);
        hasher.Add(EndedOn);
    }
}
