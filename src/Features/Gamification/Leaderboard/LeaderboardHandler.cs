using Analytics.Api.Features.Gamification.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Http;
using Dapper;
using Mediator;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Analytics.Api.Features.Gamification.Leaderboard;

/// <summary>
/// Ranks a scope's learners for a timeframe of the caller's organisation calendar from the ledger tables (points, streak periods, badges),
/// applies leaderboard privacy and k (ANALYTICS.md §6.4, API.md §3.5), and pages the result.
/// </summary>
public sealed class LeaderboardHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    PrivacySettings privacy,
    CurrentUserAccessor currentUser,
    SymmetricSecurityKey signingKey,
    TimeProvider timeProvider) : IQueryHandler<LeaderboardQuery, AnalyticResult<LeaderboardPayload>>
{
    public async ValueTask<AnalyticResult<LeaderboardPayload>> Handle(LeaderboardQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.Required;
        var organisationId = caller.OrganisationId ?? throw Problems.AccessDenied();
        var now = timeProvider.GetUtcNow();
        var settings = GamificationSettings.From(configuration);
        var scope = query.EffectiveScope;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (scope == "course" && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                SqlQueries.Get("LeaderboardCourseAccess"),
                new { userId = caller.UserId, role = caller.ActiveRole, organisationId, courseId = query.CourseId },
                cancellationToken: cancellationToken)))
        {
            throw Problems.AccessDenied();
        }

        var organisation = await LeaderboardReader.OrganisationAsync(connection, organisationId, now, cancellationToken);
        var allTime = query.EffectiveTimeframe == "all";
        var rows = await LeaderboardReader.RowsAsync(connection, scope, organisationId, query.CourseId,
            LeaderboardReader.From(query.EffectiveTimeframe, organisation.Today), organisation.Today, organisation.TimeZone, cancellationToken);
        var minGroupSize = privacy.MinGroupSizeFor(organisation.MinGroupSize);
        var board = LeaderboardRules.Rank(rows, query.EffectiveCategory, allTime, scope, caller.UserId, organisationId, minGroupSize,
            LeaderboardRules.AnonymisationKey(signingKey.Key), settings.Levels);
        var limit = query.EffectiveLimit;
        var page = query.EffectivePage;
        var payload = new LeaderboardPayload
        {
            DefinitionVersion = GamificationVersions.Leaderboard,
            AsOf = organisation.Today,
            Source = organisation.Source,
            Leaderboard = board.Entries.Skip((page - 1) * limit).Take(limit).ToArray(),
            UserRanking = board.UserRanking,
            Neighbours = board.Neighbours,
            Statistics = board.Statistics,
            Timeframe = query.EffectiveTimeframe,
            Category = query.EffectiveCategory,
            Scope = scope,
            Pagination = Pagination.Of(page, limit, board.Entries.Count),
            Suppressed = board.Suppressed ? true : null,
            Message = board.Suppressed ? SuppressionInfo.MessageFor(minGroupSize) : null,
            NotAvailable = board.Entries.Count > 0 ? ["leaderboard[].avatar"] : [],
        };
        var subject = scope == "platform" ? new AnalyticSubject("platform", "platform") : new AnalyticSubject("organisation", organisationId);
        return new AnalyticResult<LeaderboardPayload>("leaderboard", payload, subject, now, organisation.DataAsOf, organisation.Source)
        {
            Suppression = board.Suppressed ? SuppressionInfo.WholeGroup(minGroupSize) : null,
        };
    }
}
