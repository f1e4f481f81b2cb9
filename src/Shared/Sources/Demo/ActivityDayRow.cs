using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A row of lrs.activity_days (DATA_MODEL.md §1), without the record columns the writer adds.</summary>
public readonly record struct ActivityDayRow(
    string UserId,
    string CourseId,
    string ContentItemId,
    DateOnly Day,
    int Events,
    int Minutes) : IDemoRow<ActivityDayRow>
{
    public static string Table => "lrs.activity_days";

    public static string Columns => "user_id, course_id, content_item_id, day, events, minutes, source";

    public static int Code => 20;

    public void Write(NpgsqlBinaryImporter importer)
    {
        importer.StartRow();
        importer.Write(UserId, NpgsqlDbType.Text);
        importer.Write(CourseId, NpgsqlDbType.Text);
        importer.Write(ContentItemId, NpgsqlDbType.Text);
        importer.Write(Day, NpgsqlDbType.Date);
        importer.Write(Events, NpgsqlDbType.Integer);
        importer.Write(Minutes, NpgsqlDbType.Integer);
        importer.Write(DemoRows.Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        hasher.BeginRow(Code);
        hasher.Add(UserId);
        hasher.Add(CourseId);
        hasher.Add(ContentItemId);
        hasher.Add(Day);
        hasher.Add(Events);
        hasher.Add(Minutes);
    }
}
