using System.Net;
using Analytics.Api.Shared.Database;
using Dapper;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace Analytics.Api.Features.Sources.UpstreamStub;

/// <summary>
/// A minimal-API Kestrel host on 127.0.0.1 that plays the nine platform services over a store (SOURCES.md §3.2–3.4): every
/// listing at `/{service}/api/v1/…`, a 401 problem when a token is expected and the bearer differs, a 404 problem for any
/// other path. It only reads the store; nothing of the service (auth, mediator, scheduler) runs in it.
/// </summary>
public static class UpstreamStubHost
{
    public static WebApplication Create(UpstreamStubOptions options, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var connectionString = options.Connection ?? DatabaseSetup.ConnectionString(builder.Configuration);
        DapperTypeHandlers.Register();
        builder.Services.AddSingleton(_ =>
        {
            var store = new NpgsqlDataSourceBuilder(connectionString);
            store.ConnectionStringBuilder.ApplicationName ??= "analytics-upstream-stub";
            // Instants leave the statements as JSON text in the session's zone: UTC makes them ISO-8601 UTC (`+00:00`).
            store.ConnectionStringBuilder.Timezone = "UTC";
            return store.Build();
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        // A failure while reading the store is a 500 problem, which the caller retries like any upstream outage.
        app.UseExceptionHandler();
        if (options.Token is { } token)
        {
            var expected = $"Bearer {token}";
            app.Use(async (context, next) =>
            {
                if (!string.Equals(context.Request.Headers.Authorization.ToString(), expected, StringComparison.Ordinal))
                {
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "missing or wrong bearer token")
                        .ExecuteAsync(context);
                    return;
                }

                await next(context);
            });
        }

        foreach (var listing in UpstreamStubListings.All)
        {
            app.MapGet(listing.Route, (HttpContext context, NpgsqlDataSource store, TimeProvider time) =>
                UpstreamStubPages.ListAsync(context, listing, store, time));
        }

        app.MapFallback((HttpContext context) =>
            TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"no listing at {context.Request.Path}"));
        return app;
    }

    /// <summary>How many organisations the store holds; zero means there is nothing to serve.</summary>
    public static async Task<long> OrganisationCountAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            SqlQueries.Get("UpstreamStub.OrganisationCount"), cancellationToken: cancellationToken));
    }

    /// <summary>The address Kestrel bound (the real port when the options asked for port 0), e.g. `http://127.0.0.1:5100`.</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        return new Uri(addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The stub is not listening yet."));
    }
}
