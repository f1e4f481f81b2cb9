using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Dapper;

namespace Analytics.Api.Shared.Analytics;

/// <summary>
/// Who an analytic is about and "when": the subject's organisation, time zone, reference date and asOf (ANALYTICS.md §0.1),
/// plus the source label and the instant of the last successful load for the envelope (API.md §1.2).
/// </summary>
public sealed record SubjectContext(
    string OrganisationId,
    string? DepartmentId,
    string TimeZone,
    DateOnly ReferenceDate,
    string Source,
    DateTimeOffset? DataAsOf)
{
    /// <summary>The first statement of a user-subject read; parameters @userId and @now.</summary>
    public static string UserSql => SqlQueries.Get("Subject.User");

    /// <summary>The first statement of an organisation-subject read (organisation, org-cohort); parameters @organisationId and @now.</summary>
    public static string OrganisationSql => SqlQueries.Get("Subject.Organisation");

    /// <summary>asOf = the reference date − 1, the last complete day, where every window ends.</summary>
    public DateOnly AsOf => ReferenceDate.AddDays(-1);

    /// <summary>Reads the <see cref="UserSql"/> or <see cref="OrganisationSql"/> result set; a subject the store does not hold is SUBJECT_NOT_FOUND.</summary>
    public static async Task<SubjectContext> ReadAsync(SqlMapper.GridReader results) =>
        await results.ReadSingleOrDefaultAsync<SubjectContext>() ?? throw Problems.SubjectNotFound();
}
