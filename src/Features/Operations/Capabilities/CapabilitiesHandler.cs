using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Hosting;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Operations.Capabilities;

/// <summary>
/// Availability of each analytic the caller's roles read, judged on the kinds the organisation's sources provide: a missing
/// required kind makes it unavailable, a missing usable kind partial (SOURCES.md §1.4). Peer comparison needs two of its four
/// inputs, recommendations any other analytic of the role.
/// </summary>
public sealed class CapabilitiesHandler(NpgsqlDataSource dataSource, CurrentUserAccessor currentUser, IConfiguration configuration)
    : IQueryHandler<CapabilitiesQuery, CapabilitiesResponse>
{
    public async ValueTask<CapabilitiesResponse> Handle(CapabilitiesQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.Required;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var provided = (await connection.QueryAsync<string>(new CommandDefinition(
            SqlQueries.Get("Capabilities"), new { organisationId = caller.OrganisationId }, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);

        var analytics = new List<AnalyticCapability>();
        foreach (var role in caller.Roles)
        {
            if (!AnalyticCatalogue.ByRole.TryGetValue(role, out var ids))
            {
                continue;
            }

            var plain = ids
                .Where(id => id is not AnalyticCatalogue.PeerComparison and not AnalyticCatalogue.Recommendations)
                .ToDictionary(id => id, id => Judge(role, AnalyticCatalogue.Requirements[id], provided));
            foreach (var id in ids)
            {
                analytics.Add(id switch
                {
                    AnalyticCatalogue.PeerComparison => Composite(role, id, AnalyticCatalogue.PeerComparisonInputs, 2, plain),
                    AnalyticCatalogue.Recommendations => Composite(role, id, [.. plain.Keys], 1, plain),
                    _ => plain[id],
                });
            }
        }

        return new CapabilitiesResponse(caller.OrganisationId, SourceModes.Current(configuration), analytics);
    }

    private static AnalyticCapability Judge(string role, AnalyticRequirement requirement, HashSet<string> provided)
    {
        var missingRequired = requirement.Requires.Where(kind => !provided.Contains(kind)).ToArray();
        if (missingRequired.Length > 0)
        {
            return new AnalyticCapability(role, requirement.Analytic, "unavailable", missingRequired);
        }

        var missingUsable = requirement.Uses.Where(kind => !provided.Contains(kind)).ToArray();
        return new AnalyticCapability(role, requirement.Analytic, missingUsable.Length > 0 ? "partial" : "available", missingUsable);
    }

    private static AnalyticCapability Composite(
        string role, string analytic, IReadOnlyList<string> inputs, int needed, Dictionary<string, AnalyticCapability> judged)
    {
        var usable = inputs.Count(id => judged.TryGetValue(id, out var c) && c.Status != "unavailable");
        return new AnalyticCapability(role, analytic, usable >= needed ? "available" : "unavailable", []);
    }
}
