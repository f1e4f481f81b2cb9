using Npgsql;

namespace Analytics.Api.Shared.Database;

/// <summary>One pooled NpgsqlDataSource for the store (`ConnectionStrings:Analytics`, Npgsql format).</summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddAnalyticsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = ConnectionString(configuration);
        DapperTypeHandlers.Register();
        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            builder.ConnectionStringBuilder.ApplicationName ??= "analytics-api";
            // Every statement of the service has a bound (API.md §1.6: 6 s per request); analytics are cut earlier by their budget.
            if (builder.ConnectionStringBuilder.CommandTimeout == 30)
            {
                builder.ConnectionStringBuilder.CommandTimeout = 10;
            }

            builder.ConnectionStringBuilder.Timeout = Math.Min(builder.ConnectionStringBuilder.Timeout, 5);
            // No JIT: the organisation statements' row estimates over CTE aggregates are far too high, and on a 100,000-learner
            // organisation compiling their plans cost seconds, more than running them (an explicit Options value wins).
            builder.ConnectionStringBuilder.Options ??= "-c jit=off";
            // Analytics statements run again and again with other parameters; preparing them saves the planning, which over
            // the monthly partitions costs several milliseconds per statement (an explicit setting in the string wins).
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
                builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            }
            return builder.Build();
        });
        return services;
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Analytics") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "ConnectionStrings:Analytics is not configured. Start the service with scripts/run, which starts PostgreSQL, " +
                "or set ConnectionStrings__Analytics to an Npgsql connection string.");
}
