using System.Text.RegularExpressions;

namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// The canonical rows of one page, per table in the order they are first named (parents before children), and the items that
/// could not be mapped. A feed's mapping fills it; the writer stores it in one transaction.
/// </summary>
public sealed partial class FeedBatch
{
    private readonly List<TableBatch> _tables = [];

    public IReadOnlyList<TableBatch> Tables => _tables;

    public List<FeedReject> Rejects { get; } = [];

    /// <summary>Items of the page (for the reject ratio).</summary>
    public int Items { get; set; }

    public void Upsert(StoreTable table, object record, string key, object item, params RecordParent[] parents) =>
        For(table).Upserts.Add(new StagedRow(record, key, parents, item));

    public void Delete(StoreTable table, object record, string key, object item) =>
        For(table).Deletes.Add(new StagedRow(record, key, [], item));

    /// <summary>Marks the set of <paramref name="parent"/>'s rows in a replace-set table as complete (its missing rows are deleted).</summary>
    public void Replace(StoreTable table, string parent) => For(table).ReplaceParents.Add(parent);

    /// <summary>Notes a day of a row of a month-partitioned table (activity_days, sessions) so its partition is created first.</summary>
    public void Covers(StoreTable table, DateOnly day) => For(table).Covers(day);

    public void Reject(string key, string reason, object item) => Rejects.Add(new FeedReject(key, reason, item));

    /// <summary>The id rule of the store (`eid`, DATA_MODEL.md §0): letters, digits, `_` and `-`, at most 64 characters.</summary>
    public static bool IsId(string? value) => value is { Length: > 0 and <= 64 } && IdPattern().IsMatch(value);

    private TableBatch For(StoreTable table)
    {
        var batch = _tables.Find(t => t.Table == table);
        if (batch is null)
        {
            batch = new TableBatch(table);
            _tables.Add(batch);
        }

        return batch;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdPattern();
}
