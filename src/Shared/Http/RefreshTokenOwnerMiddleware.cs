using System.Text.Json;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Shared.Http;

/// <summary>
/// Class `token` of API.md §5 counts per user owning the refresh token: before the limiter, reads the (already size-checked,
/// buffered) body of `POST /api/v1/auth/refresh`, looks the token's hash up and leaves the owner in the request's items. A
/// body that is not JSON, a token that is unknown or a store that does not answer leaves the client address as the key; the
/// endpoint then answers as always.
/// </summary>
public sealed partial class RefreshTokenOwnerMiddleware(RequestDelegate next, ILogger<RefreshTokenOwnerMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, NpgsqlDataSource dataSource)
    {
        if (HttpMethods.IsPost(context.Request.Method)
            && context.Request.Path.Equals("/api/v1/auth/refresh", StringComparison.OrdinalIgnoreCase)
            && await ReadTokenAsync(context.Request) is { } token)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
                var owner = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                    SqlQueries.Get("RateLimits.RefreshTokenOwner"),
                    new { tokenHash = RefreshTokenValue.Hash(token) },
                    cancellationToken: context.RequestAborted));
                if (owner is not null)
                {
                    context.Items[RateClasses.RefreshTokenOwnerItem] = owner;
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                LogLookupFailed(logger, exception.GetType().Name);
            }
        }

        await next(context);
    }

    private static async Task<string?> ReadTokenAsync(HttpRequest request)
    {
        request.EnableBuffering(RequestLimits.MaxBodyBytes);
        try
        {
            using var document = await JsonDocument.ParseAsync(
                request.Body, new JsonDocumentOptions { MaxDepth = RequestLimits.MaxJsonDepth }, request.HttpContext.RequestAborted);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("refreshToken", out var value)
                   && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh-token owner lookup for the rate limit failed ({Error}); counting by client address")]
    private static partial void LogLookupFailed(ILogger logger, string error);
}
