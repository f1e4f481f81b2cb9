namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>The `Sync` section of SOURCES.md §3.1 and §5.</summary>
public sealed class SyncOptions
{
    public int IncrementalMinutes { get; set; } = 15;

    public string FullReconcileCron { get; set; } = "0 0 0 * * ?";

    public int OverlapSeconds { get; set; } = 300;

    public double MaxLagHours { get; set; } = 6;

    public int ActivityReconcileDays { get; set; } = 35;

    /// <summary>Empty: every organisation the Directory lists.</summary>
    public string[] Organisations { get; set; } = [];

    /// <summary>A page with more rejected items than this share fails its entity's pass (SOURCES.md §3.4).</summary>
    public double MaxRejectRatio { get; set; } = 0.05;

    /// <summary>Organisations synchronised at once (SOURCES.md §3.5).</summary>
    public int MaxParallelOrganisations { get; set; } = 4;

    /// <summary>How long the nightly recalculation waits for a running reconcile (SOURCES.md §5).</summary>
    public int RecalcWaitMinutes { get; set; } = 20;

    /// <summary>Run one incremental sync when the scheduler starts.</summary>
    public bool OnStart { get; set; }

    public static SyncOptions From(IConfiguration configuration)
    {
        var options = new SyncOptions();
        configuration.GetSection("Sync").Bind(options);
        return options;
    }
}
