using System.Text.Json;
using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.Sources.UpstreamStub;

/// <summary>
/// Serves one page of a listing (SOURCES.md §3.2): the listing's statement reads at most `limit + 1` items after the cursor,
/// ordered by (updatedAt, key), each already shaped as its contract item; the items are streamed into the page envelope as they
/// are read, and the extra row only says that a next page exists.
/// </summary>
public static class UpstreamStubPages
{
    private const int FlushBytes = 32 * 1024;

    public static async Task<IResult> ListAsync(HttpContext context, UpstreamStubListing listing, NpgsqlDataSource store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var (request, error) = UpstreamStubPageRequest.Parse(listing, context.Request);
        if (request is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: error);
        }

        var cancellationToken = context.RequestAborted;
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        if (request.OrganisationId is { } organisationId
            && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                SqlQueries.Get("UpstreamStub.OrganisationExists"), new { organisationId }, cancellationToken: cancellationToken)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"organization '{organisationId}' is unknown");
        }

        // Every page of one listing reports the time its first page was read, so the caller's watermark is that start.
        var asOf = request.Cursor?.AsOf ?? time.GetUtcNow();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            SqlQueries.Get(listing.Query),
            new
            {
                organisationId = request.OrganisationId,
                updatedSince = request.UpdatedSince,
                afterAt = request.Cursor?.UpdatedAt,
                afterKey = request.Cursor?.Key,
                take = request.Limit + 1,
                from = request.From,
                to = request.To,
            },
            cancellationToken: cancellationToken));

        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteStartArray("items");
        string? nextCursor = null;
        var count = 0;
        var last = (At: DateTimeOffset.MinValue, Key: string.Empty);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (count == request.Limit)
            {
                nextCursor = new UpstreamStubCursor(asOf, last.At, last.Key).Encode();
                break;
            }

            last = (new DateTimeOffset(reader.GetFieldValue<DateTime>(0), TimeSpan.Zero), reader.GetString(1));
            json.WriteRawValue(reader.GetString(2), skipInputValidation: true);
            count++;
            if (json.BytesPending > FlushBytes)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteString("nextCursor", nextCursor);
        json.WriteString("asOf", asOf.UtcDateTime);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return TypedResults.Empty;
    }
}
