namespace Analytics.Api.Shared.Scheduling;

/// <summary>The monthly-partitioned tables and how many past months are kept ready for late writes (DATA_MODEL.md §8).</summary>
public static class PartitionedTables
{
    public static readonly IReadOnlyList<(string Table, int MonthsBack)> All =
    [
        ("lrs.activity_days", 1),
        ("lrs.sessions", 1),
        ("analytics.analytics_history", 0),
        ("analytics.predictions", 0),
    ];
}
