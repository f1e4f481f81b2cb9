using System.Text.Json;
using Analytics.Api.Features.Privacy.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Privacy.UpdatePreferences;

/// <summary>
/// Stores the settings and, for each that changed, writes its audit entry (`privacy.leaderboard`, `privacy.opt-out`). A changed
/// opt-out queues the recomputation of the predictive snapshots it affects (their memory entries drop when the jobs end); the
/// leaderboard is read live, so a changed leaderboard setting shows on the next read.
/// </summary>
public sealed class UpdatePreferencesHandler(
    NpgsqlDataSource dataSource, CurrentUserAccessor currentUser, SnapshotAnalytics analytics, TimeProvider timeProvider)
    : ICommandHandler<UpdatePreferencesCommand, PrivacyPreferences>
{
    public async ValueTask<PrivacyPreferences> Handle(UpdatePreferencesCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.Required;
        var now = timeProvider.GetUtcNow();
        var preferences = new PrivacyPreferences(command.LeaderboardPrivacy!, command.PredictiveOptOut!.Value);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var change = await connection.QuerySingleOrDefaultAsync<PreferencesChange>(new CommandDefinition(
                         SqlQueries.Get("UpdatePreferences"),
                         new { userId = command.UserId, leaderboardPrivacy = preferences.LeaderboardPrivacy, predictiveOptOut = preferences.PredictiveOptOut },
                         transaction,
                         cancellationToken: cancellationToken))
                     ?? throw Problems.SubjectNotFound();

        if (change.PreviousLeaderboardPrivacy != preferences.LeaderboardPrivacy)
        {
            await PrivacyLog.AuditAsync(connection, transaction,
                new PrivacyAuditEntry(now, caller.UserId, caller.ActiveRole, "privacy.leaderboard", command.UserId, command.RequestId,
                    JsonSerializer.Serialize(new { from = change.PreviousLeaderboardPrivacy, to = preferences.LeaderboardPrivacy })),
                cancellationToken);
        }

        if (change.PreviousPredictiveOptOut != preferences.PredictiveOptOut)
        {
            var targets = await connection.QueryAsync<RecomputeTarget>(new CommandDefinition(SqlQueries.Get("UpdatePreferences.Targets"),
                new { userId = command.UserId, organisationId = change.OrganisationId }, transaction, cancellationToken: cancellationToken));
            var jobs = await Recomputation.EnqueueAsync(connection, transaction, analytics, targets, "manual", caller.UserId, now, cancellationToken);
            await PrivacyLog.AuditAsync(connection, transaction,
                new PrivacyAuditEntry(now, caller.UserId, caller.ActiveRole, "privacy.opt-out", command.UserId, command.RequestId,
                    JsonSerializer.Serialize(new { from = change.PreviousPredictiveOptOut, to = preferences.PredictiveOptOut, recomputeJobIds = jobs.Select(j => j.JobId).Distinct(StringComparer.Ordinal) })),
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return preferences;
    }
}
