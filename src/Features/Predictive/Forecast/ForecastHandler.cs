using System.Text.Json;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>
/// `forecast@1.0`. A learner: one round trip over the learner's own indexed rows (Forecast.sql), then the pure calculator with
/// the <see cref="ForecastScorer"/>. A cohort: the members' stored learner forecasts are brought up to date (ANALYTICS.md §0.7),
/// then one statement aggregates them with k enforced in SQL, and the cohort calculator checks k again.
/// </summary>
public sealed class ForecastHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy,
    SnapshotAnalytics snapshotAnalytics,
    SnapshotStore snapshotStore,
    IServiceProvider services,
    DropOffModelStore models)
    : IQueryHandler<ForecastQuery, AnalyticResult<ForecastPayload>>
{
    private static readonly JsonSerializerOptions CourseJson = new(JsonSerializerDefaults.Web);

    public async ValueTask<AnalyticResult<ForecastPayload>> Handle(ForecastQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = timeProvider.GetUtcNow();
        var courseId = string.IsNullOrEmpty(query.CourseId) ? null : query.CourseId;
        var (subject, result) = query.SubjectType == CohortSubjects.Learner
            ? await LearnerAsync(query.Id, courseId, new ForecastScenario(query.Hours, query.Breaks), now, cancellationToken)
            : await CohortAsync(query, courseId, now, cancellationToken);
        return new AnalyticResult<ForecastPayload>(
            ForecastQuery.Analytic,
            result.Payload with { Source = subject.Source },
            new AnalyticSubject(query.SubjectType, query.Id),
            now,
            subject.DataAsOf,
            subject.Source)
        {
            Suppression = result.Suppression,
        };
    }

    private async Task<(SubjectContext, ForecastResult)> LearnerAsync(
        string userId, string? courseId, ForecastScenario scenario, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SubjectContext.UserSql + SqlQueries.Get("Forecast"), new { userId, now }, cancellationToken: cancellationToken));
        var subject = await SubjectContext.ReadAsync(results);
        var facts = await results.ReadSingleOrDefaultAsync<ForecastLearnerFacts>() ?? ForecastLearnerFacts.None;
        var inputs = new ForecastLearnerInputs(
            facts,
            (await results.ReadAsync<ForecastEnrolmentRow>()).ToArray(),
            (await results.ReadAsync<ForecastUnitRow>()).ToArray(),
            (await results.ReadAsync<ForecastScoreRow>()).ToArray(),
            (await results.ReadAsync<ForecastBestRow>()).ToArray());

        // A courseId that is not one of the learner's courses is out of scope (API.md §3.4).
        if (courseId is not null && inputs.Enrolments.All(e => e.CourseId != courseId))
        {
            throw Problems.AccessDenied();
        }

        var settings = ForecastSettings.From(configuration);
        var scorer = await ScorerAsync(subject, userId, settings, cancellationToken);
        var payload = ForecastCalculator.Compute(subject.AsOf, subject.OrganisationId, inputs, scenario, courseId, settings, scorer);
        var suppression = facts.PredictiveOptOut ? new SuppressionInfo(SuppressionInfo.PredictiveOptOut, privacy.MinGroupSize, 0) : null;
        return (subject, new ForecastResult(payload, suppression));
    }

    /// <summary>
    /// The learner's scorer (ANALYTICS.md §5.2): with the organisation's served drop-off model, each active enrolment's completion
    /// probability is 1 − p of that model at the reference date; with its served score model, the predicted score is that model's
    /// (σ its holdout RMSE); otherwise the rule's.
    /// </summary>
    private async Task<ForecastScorer> ScorerAsync(SubjectContext subject, string userId, ForecastSettings settings, CancellationToken cancellationToken)
    {
        var maxAge = DropOffTrainingSettings.From(configuration).MaxModelAgeDays;
        var dropOff = await models.ServedAsync(subject.OrganisationId, maxAge, cancellationToken);
        var score = await models.ServedAsync(subject.OrganisationId, maxAge, cancellationToken, DropOffModelStore.ForecastKind);
        if (dropOff is null && score is null)
        {
            return new ForecastScorer(settings);
        }

        var cutoff = subject.AsOf.AddDays(1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var active = (await DropOffHistoryReader.ReadLearnersAsync(connection, [userId], cancellationToken))
            .Where(h => h.Enrolment.IsActiveAt(cutoff))
            .ToArray();
        var features = active.Select(h => DropOffFeatureBuilder.Build(h, cutoff)).ToArray();
        Dictionary<string, double>? ByCourse(float[] values, Func<float, double> map) =>
            active.Select((h, i) => (h.Enrolment.CourseId, Value: Math.Round(map(values[i]), 9)))
                .GroupBy(x => x.CourseId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        return new ForecastScorer(
            settings,
            dropOff is null ? null : ByCourse(dropOff.Model.Predict(features), p => 1.0 - p),
            dropOff?.Card,
            score is null ? null : ByCourse(score.Model.Predict(features), v => Math.Clamp(v, 0, 100)),
            score?.Card);
    }

    private async Task<(SubjectContext, ForecastResult)> CohortAsync(
        ForecastQuery query, string? courseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var isOrganisation = query.SubjectType == CohortSubjects.OrganisationCohort;
        var oldest = now - SnapshotStore.Retention;
        var parameters = new { id = query.Id, subjectType = query.SubjectType, courseId, oldest, userId = isOrganisation ? null : query.Id, organisationId = isOrganisation ? query.Id : null, now };
        SubjectContext subject;
        int minGroupSize;
        List<string> missing;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(
                         (isOrganisation ? SubjectContext.OrganisationSql : SubjectContext.UserSql) + SqlQueries.Get("Forecast.CohortInputs"),
                         parameters,
                         cancellationToken: cancellationToken)))
        {
            subject = await SubjectContext.ReadAsync(results);
            minGroupSize = privacy.MinGroupSizeFor(await results.ReadSingleOrDefaultAsync<int?>());
            if (!await results.ReadSingleAsync<bool>())
            {
                throw Problems.AccessDenied();
            }

            missing = (await results.ReadAsync<string>()).AsList();
        }

        await EnsureLearnerForecastsAsync(missing, cancellationToken);

        ForecastCohortRow row;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            row = await connection.QuerySingleAsync<ForecastCohortRow>(new CommandDefinition(
                SqlQueries.Get("Forecast.Cohort"),
                new { id = query.Id, subjectType = query.SubjectType, courseId, oldest, minGroupSize },
                cancellationToken: cancellationToken));
        }

        var courses = row.CoursesJson is null
            ? []
            : JsonSerializer.Deserialize<ForecastCohortCourse[]>(row.CoursesJson, CourseJson) ?? [];
        return (subject, ForecastCohortCalculator.Compute(subject.AsOf, subject.OrganisationId, row, courses, minGroupSize));
    }

    /// <summary>Computes and stores the learner forecasts the cohort's members lack, through the learner analytic's own batch.</summary>
    private async Task EnsureLearnerForecastsAsync(List<string> missing, CancellationToken cancellationToken)
    {
        if (missing.Count == 0)
        {
            return;
        }

        var analytic = snapshotAnalytics.Find(CohortSubjects.Learner, ForecastQuery.Analytic)
                       ?? throw new InvalidOperationException("No stored learner analytic 'forecast'.");
        foreach (var chunk in missing.Chunk(500))
        {
            var computed = await analytic.ComputeAsync(services, chunk, cancellationToken);
            var failed = computed.FirstOrDefault(c => c.Error is not null);
            if (failed is not null)
            {
                throw new InvalidOperationException($"Computing the forecast of learner {failed.SubjectId} failed.", failed.Error);
            }

            await snapshotStore.WriteAsync(
                computed.Where(c => c.Result is not null)
                    .Select(c => new SnapshotWrite(SnapshotKey.Learner(c.SubjectId, ForecastQuery.Analytic), c.Result!, c.ComputeMs, null))
                    .ToArray(),
                cancellationToken);
        }
    }
}
