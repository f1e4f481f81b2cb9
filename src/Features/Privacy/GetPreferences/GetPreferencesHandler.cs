using Analytics.Api.Features.Privacy.Shared;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Privacy.GetPreferences;

public sealed class GetPreferencesHandler(NpgsqlDataSource dataSource) : IQueryHandler<GetPreferencesQuery, PrivacyPreferences>
{
    public async ValueTask<PrivacyPreferences> Handle(GetPreferencesQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PrivacyPreferences>(new CommandDefinition(
                   SqlQueries.Get("GetPreferences"), new { userId = query.UserId }, cancellationToken: cancellationToken))
               ?? throw Problems.SubjectNotFound();
    }
}
