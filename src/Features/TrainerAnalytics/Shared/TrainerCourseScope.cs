using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// Reads a trainer subject and the courses the caller may see of it in one round trip (the first of every trainer analytic),
/// so each handler checks `courseId` and `moduleId` the same way: outside the scope or unknown is 403 ACCESS_DENIED.
/// </summary>
public static class TrainerCourseScope
{
    public static async Task<TrainerScope> ReadAsync(
        NpgsqlConnection connection,
        string trainerId,
        string? organisationScope,
        string? moduleId,
        PrivacySettings privacy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SubjectContext.UserSql + SqlQueries.Get("TrainerCourses"),
            new { userId = trainerId, trainerId, now, organisationScope, moduleId },
            cancellationToken: cancellationToken));
        var subject = await SubjectContext.ReadAsync(results);
        var organisation = await results.ReadSingleAsync<OrganisationFacts>();
        var courses = (await results.ReadAsync<TrainerCourse>()).ToArray();
        var moduleCourseId = await results.ReadSingleOrDefaultAsync<string?>();
        return new TrainerScope(
            subject, privacy.MinGroupSizeFor(organisation.OrganisationMinGroupSize), organisation.ProvidesFeedback, courses, moduleCourseId);
    }

    private sealed record OrganisationFacts(int? OrganisationMinGroupSize, bool ProvidesFeedback);
}
