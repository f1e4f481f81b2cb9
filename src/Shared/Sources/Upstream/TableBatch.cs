namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>What one page writes into one table: rows to upsert, rows to delete (tombstones) and, for a replace-set table, the parents whose set is complete.</summary>
public sealed class TableBatch(StoreTable table)
{
    public StoreTable Table { get; } = table;

    public List<StagedRow> Upserts { get; } = [];

    public List<StagedRow> Deletes { get; } = [];

    public HashSet<string> ReplaceParents { get; } = new(StringComparer.Ordinal);

    /// <summary>First and last day of the rows of a month-partitioned table, so their partitions exist before the write.</summary>
    public (DateOnly First, DateOnly Last)? Days { get; private set; }

    public void Covers(DateOnly day) =>
        Days = Days is { } days ? (day < days.First ? day : days.First, day > days.Last ? day : days.Last) : (day, day);
}
