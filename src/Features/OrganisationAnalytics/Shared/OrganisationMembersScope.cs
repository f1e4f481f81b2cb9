using System.Globalization;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>
/// The organisation subject as an organisation analytic reads it: its context (asOf, zone, source), the k of its organisation
/// and the department a `departmentId` names. A department outside the organisation or unknown is 403 ACCESS_DENIED (API.md
/// §3.4), decided before any member snapshot is computed.
/// </summary>
public sealed record OrganisationMembersScope(SubjectContext Subject, int MinGroupSize, string? DepartmentId, string? DepartmentName)
{
    public static async Task<OrganisationMembersScope> ReadAsync(
        NpgsqlConnection connection,
        string organisationId,
        string? departmentId,
        PrivacySettings privacy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SubjectContext.OrganisationSql + SqlQueries.Get("OrganisationMembersScope"),
            new { organisationId, departmentId, now },
            cancellationToken: cancellationToken));
        var subject = await SubjectContext.ReadAsync(results);
        var organisationMinGroupSize = await results.ReadSingleAsync<int?>();
        var department = await results.ReadSingleOrDefaultAsync<DepartmentRow>();
        if (departmentId is not null && department is null)
        {
            throw Problems.AccessDenied();
        }

        return new OrganisationMembersScope(subject, privacy.MinGroupSizeFor(organisationMinGroupSize), department?.Id, department?.Name);
    }

    private sealed record DepartmentRow(string Id, string Name);
}
