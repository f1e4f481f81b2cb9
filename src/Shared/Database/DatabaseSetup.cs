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
