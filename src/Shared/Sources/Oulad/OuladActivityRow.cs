using Analytics.Api.Shared.Sources.Demo;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// One lrs.activity_days key of the import: the studentVle rows of one (learner, day, presentation, site) summed (events = Σ
/// sum_click, raw_rows = row count). It implements the generator's row contract so that the demo generator's
/// <see cref="MonthlyPartitionLoader{TRow}"/> can load it by the bulk fast path of DATA_MODEL.md §8.
/// </summary>
public readonly record struct OuladActivityRow(string UserId, string CourseId, string ContentItemId, DateOnly Day, int Events, int RawRows)
    : IDemoRow<OuladActivityRow>
{
    public const string Source = "oulad";

    public static string Table => "lrs.activity_days";

    public static string Columns => "user_id, course_id, content_item_id, day, events, raw_rows, source";

    public static int Code => 120;

    public void Write(NpgsqlBinaryImporter importer)
    {
        ArgumentNullException.ThrowIfNull(importer);
        importer.StartRow();
        importer.Write(UserId, NpgsqlDbType.Text);
        importer.Write(CourseId, NpgsqlDbType.Text);
        importer.Write(ContentItemId, NpgsqlDbType.Text);
        importer.Write(Day, NpgsqlDbType.Date);
        importer.Write(Events, NpgsqlDbType.Integer);
        importer.Write(RawRows, NpgsqlDbType.Integer);
        importer.Write(Source, NpgsqlDbType.Text);
    }

    public void AddTo(ContentHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        hasher.BeginRow(Code);
        hasher.Add(UserId);
        hasher.Add(CourseId);
        hasher.Add(ContentItemId);
        hasher.Add(Day);
        hasher.Add(Events);
        hasher.Add(RawRows);
    }
}
