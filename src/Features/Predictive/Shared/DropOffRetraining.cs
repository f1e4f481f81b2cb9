using System.Diagnostics;
using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>The result of retraining one organisation's drop-off model.</summary>
public sealed record DropOffRetrainResult(string OrganisationId, string ModelId, string GateStatus, string? Algorithm, double? RocAucWeek4, TimeSpan Elapsed);

/// <summary>
/// Retrains drop-off models (ANALYTICS.md §5.1: weekly, Sunday 03:00 UTC, and on operator demand) and the forecast's score models
/// (§5.2, same histories, holdout and store), one per organisation, on its
/// own learners' enrolments (platform-wide courses count for the learner's organisation): the courses they are enrolled in are
/// read in one history read, the histories of other organisations' learners are left out, and the outcome is stored
/// (<see cref="DropOffModelStore"/>) whether or not it passed its gate.
/// </summary>
public sealed partial class DropOffRetraining(NpgsqlDataSource dataSource, DropOffModelStore store, IConfiguration configuration, ILogger<DropOffRetraining> logger)
{
    public async Task<IReadOnlyList<DropOffRetrainResult>> RunAsync(string? organisationId, CancellationToken cancellationToken)
    {
        var settings = DropOffTrainingSettings.From(configuration);
        IReadOnlyList<string> organisations;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            organisations = (await connection.QueryAsync<string>(new CommandDefinition(
                SqlQueries.Get("DropOffRetraining.Organisations"), new { organisationId }, cancellationToken: cancellationToken))).AsList();
        }

        var results = new List<DropOffRetrainResult>();
        foreach (var organisation in organisations)
        {
            results.Add(await RetrainAsync(organisation, settings, cancellationToken));
        }

        return results;
    }

    private async Task<DropOffRetrainResult> RetrainAsync(string organisationId, DropOffTrainingSettings settings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<DropOffHistory> histories;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            var scope = await connection.QuerySingleAsync<OrganisationScope>(new CommandDefinition(
                SqlQueries.Get("DropOffRetraining.Scope"), new { organisationId }, cancellationToken: cancellationToken));
            var members = scope.Learners.ToHashSet(StringComparer.Ordinal);
            histories = (await DropOffHistoryReader.ReadCoursesAsync(connection, scope.Courses, cancellationToken))
                .Where(h => members.Contains(h.Enrolment.UserId))
                .ToArray();
        }

        var outcome = DropOffTraining.Run(histories, settings);
        var modelId = await store.SaveAsync(organisationId, outcome, settings, cancellationToken);
        var forecast = ForecastTraining.Run(histories, settings);
        var forecastId = await store.SaveAsync(organisationId, forecast, settings, cancellationToken, DropOffModelStore.ForecastKind);
        var forecastSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogRetrained(logger, organisationId, forecastId, forecast.Gate.Status, forecast.Algorithm, forecastSeconds);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogRetrained(logger, organisationId, modelId, outcome.Gate.Status, outcome.Algorithm, elapsed.TotalSeconds);
        return new DropOffRetrainResult(organisationId, modelId, outcome.Gate.Status, outcome.Algorithm,
            outcome.Evaluation?.RocAuc.GetValueOrDefault("week4"), elapsed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drop-off model of {OrganisationId}: {ModelId}, gate {GateStatus}, {Algorithm}, {Seconds:F1} s")]
    private static partial void LogRetrained(ILogger logger, string organisationId, string modelId, string gateStatus, string? algorithm, double seconds);

    private sealed class OrganisationScope
    {
        public string[] Learners { get; init; } = [];

        public string[] Courses { get; init; } = [];
    }
}
