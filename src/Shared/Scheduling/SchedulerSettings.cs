using Npgsql;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// `Scheduler:*` and `ConnectionStrings:Quartz`: the clustered Quartz store (DATA_MODEL.md §11). Every instance that shares the
/// database and the scheduler name is one node of the cluster; a node that stops checking in for the interval plus the threshold
/// is declared dead and its recoverable jobs run again elsewhere.
/// </summary>
public sealed record SchedulerSettings(
    string ConnectionString,
    TimeSpan CheckinInterval,
    TimeSpan? CheckinMisfireThreshold,
    TimeSpan MisfireThreshold)
{
    /// <summary>The cluster's name: the `sched_name` of every qrtz_* row.</summary>
    public const string SchedulerName = "analytics";

    public static SchedulerSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Scheduler");
        var threshold = section.GetValue<double?>("CheckinMisfireThresholdSeconds");
        return new SchedulerSettings(
            QuartzConnectionString(configuration),
            TimeSpan.FromSeconds(Math.Max(1, section.GetValue("CheckinIntervalSeconds", 5.0))),
            threshold is { } seconds ? TimeSpan.FromSeconds(Math.Max(1, seconds)) : null,
            TimeSpan.FromSeconds(Math.Max(1, section.GetValue("MisfireThresholdSeconds", 60.0))));
    }

    /// <summary>`ConnectionStrings:Quartz`, else the store's own connection with the `quartz` schema first on the search path.</summary>
    public static string QuartzConnectionString(IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Quartz") is { Length: > 0 } quartz)
        {
            return quartz;
        }

        var builder = new NpgsqlConnectionStringBuilder(Database.DatabaseSetup.ConnectionString(configuration)) { SearchPath = "quartz" };
        builder.ApplicationName ??= "analytics-scheduler";
        return builder.ConnectionString;
    }
}
