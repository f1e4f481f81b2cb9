using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Mediator;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.Api.Features.Predictive.Recommendations;

/// <summary>
/// Builds `recommendations@1.0` on read (ANALYTICS.md §5.3, §0.7 #19) from the subject's current results of other analytics
/// and the store. A learner: their skill-gap, velocity and content-effectiveness results, one round trip of indexed per-learner
/// facts, the rules R1–R7, and the R1–R6 items issued to `recommendations_feed` (provider `rules`, idempotent by its key). A trainer
/// cohort: facts of the trainer's courses and the students' engagement and velocity results. An organisation cohort: its
/// strategic-alignment, learning-velocity and learning-culture results. A cohort below k gets the §0.5 suppressed shape.
/// </summary>
public sealed class RecommendationsHandler(
    NpgsqlDataSource dataSource,
    TimeProvider timeProvider,
    IConfiguration configuration,
    PrivacySettings privacy,
    LearnerSnapshotInputs learnerInputs,
    SnapshotAnalytics snapshotAnalytics,
    SnapshotStore snapshotStore,
    IServiceProvider services)
    : IQueryHandler<RecommendationsQuery, AnalyticResult<RecommendationsPayload>>
{
    private static readonly string[] LearnerAnalytics = ["skill-gap", "velocity", "content-effectiveness"];
    private static readonly string[] OrganisationAnalytics = ["strategic-alignment", "learning-velocity", "learning-culture"];
    private static readonly string[] CohortLearnerAnalytics = ["engagement", "velocity"];

    private readonly AnalyticInputs _inputs = new(snapshotAnalytics, snapshotStore, services);

    public async ValueTask<AnalyticResult<RecommendationsPayload>> Handle(RecommendationsQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var settings = RecommendationsSettings.From(configuration);
        var limit = query.RequestedLimit ?? settings.MaxItems;
        var (subject, payload, suppression) = query.SubjectType switch
        {
            CohortSubjects.TrainerCohort => await TrainerCohortAsync(query.Id, now, settings, limit, cancellationToken),
            CohortSubjects.OrganisationCohort => await OrganisationCohortAsync(query.Id, now, settings, limit, cancellationToken),
            _ => await LearnerAsync(query.Id, now, settings, limit, cancellationToken),
        };
        return new AnalyticResult<RecommendationsPayload>(
            RecommendationsQuery.Analytic,
            payload with { Source = subject.Source, AsOf = subject.AsOf },
            new AnalyticSubject(query.SubjectType, query.Id),
            now,
            subject.DataAsOf,
            subject.Source)
        {
            Suppression = suppression,
        };
    }

    private async Task<(SubjectContext, RecommendationsPayload, SuppressionInfo?)> LearnerAsync(
        string userId, DateTimeOffset now, RecommendationsSettings settings, int limit, CancellationToken cancellationToken)
    {
        var oldest = now - SnapshotStore.Retention;
        SubjectContext subject;
        Dictionary<string, string> stored;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(
                         SubjectContext.UserSql + SqlQueries.Get("Recommendations.Snapshots"),
                         new { userId, now, subjectType = CohortSubjects.Learner, subjectId = userId, role = RoleFamilies.Learner, analytics = LearnerAnalytics, oldest },
                         cancellationToken: cancellationToken)))
        {
            subject = await SubjectContext.ReadAsync(results);
            stored = (await results.ReadAsync<StoredInputRow>()).ToDictionary(r => r.Analytic, r => r.Payload, StringComparer.Ordinal);
        }

        var skillGap = await _inputs.ResolveAsync<SkillGapPayload>(CohortSubjects.Learner, userId, "skill-gap", stored, cancellationToken);
        var velocity = await _inputs.ResolveAsync<VelocityPayload>(CohortSubjects.Learner, userId, "velocity", stored, cancellationToken);
        var content = await _inputs.ResolveAsync<ContentEffectivenessPayload>(CohortSubjects.Learner, userId, "content-effectiveness", stored, cancellationToken);

        LearnerRecommendationInput input;
        FeedOutcomeRow[] outcomes;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
                SqlQueries.Get("Recommendations.Learner") + SqlQueries.Get("Recommendations.Summary"),
                new
                {
                    userId,
                    userIds = new[] { userId },
                    organisationId = subject.OrganisationId,
                    departmentId = subject.DepartmentId,
                    asOf = subject.AsOf,
                    zone = subject.TimeZone,
                },
                cancellationToken: cancellationToken));
            var active = (await results.ReadAsync<ActiveCourseRow>()).ToArray();
            var lastProgress = await results.ReadSingleAsync<DateOnly?>();
            var teaching = (await results.ReadAsync<SkillTeachingRow>()).ToArray();
            var due = (await results.ReadAsync<DueAssessmentRow>()).ToArray();
            var weak = (await results.ReadAsync<WeakTopicRow>()).ToArray();
            var unopened = (await results.ReadAsync<UnopenedTypeRow>()).ToArray();
            var remaining = (await results.ReadAsync<RemainingRow>()).ToArray();
            var learnerAi = (await results.ReadAsync<LearnerAiRow>()).ToArray();
            var weekdays = (await results.ReadAsync<WeekdayRow>()).ToArray();
            var weeks = await results.ReadSingleAsync<int>();
            outcomes = (await results.ReadAsync<FeedOutcomeRow>()).ToArray();
            input = new LearnerRecommendationInput(
                subject.AsOf, skillGap, velocity, content, active, lastProgress, teaching, due, weak, unopened, remaining, learnerAi, weekdays, weeks);
        }

        var merged = RecommendationsCalculator.Merge(RecommendationsCalculator.LearnerCandidates(input));
        await IssueAsync(userId, merged, IssueTime(now, subject.ReferenceDate), cancellationToken);

        var items = merged.Take(limit).Select(m => RecommendationsCalculator.Item(m, settings)).ToArray();
        var noData = merged.Count == 0 && outcomes.Length == 0 && input.ActiveCourses.Count == 0 && input.Weekdays.Count == 0;
        var payload = new RecommendationsPayload
        {
            DefinitionVersion = RecommendationsCalculator.DefinitionVersion,
            Recommendations = items,
            Categories = RecommendationsCalculator.Categories(items),
            Summary = RecommendationsCalculator.Summary(outcomes, subject.AsOf),
            Insights = RecommendationsCalculator.LearnerInsights(input),
            NotAvailable = RecommendationsCalculator.NotAvailable,
            DataStatus = noData ? DataStatuses.NoData : DataStatuses.Ok,
        };
        return (subject, payload, null);
    }

    private async Task<(SubjectContext, RecommendationsPayload, SuppressionInfo?)> TrainerCohortAsync(
        string trainerId, DateTimeOffset now, RecommendationsSettings settings, int limit, CancellationToken cancellationToken)
    {
        var (subject, minGroupSize) = await SubjectAsync(SubjectContext.UserSql, new { userId = trainerId, organisationId = (string?)null, now }, cancellationToken);
        await learnerInputs.EnsureAsync(subject.OrganisationId, null, CohortLearnerAnalytics, cancellationToken);

        string[] students;
        TrainerCohortInput input;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(
                         SqlQueries.Get("Recommendations.TrainerCohort"),
                         new { trainerId, asOf = subject.AsOf, zone = subject.TimeZone, oldest = now - SnapshotStore.Retention, minGroupSize },
                         cancellationToken: cancellationToken)))
        {
            students = (await results.ReadAsync<string>()).ToArray();
            input = new TrainerCohortInput(
                minGroupSize,
                (await results.ReadAsync<StrugglingTopicRow>()).ToArray(),
                (await results.ReadAsync<CohortRiskRow>()).ToArray(),
                (await results.ReadAsync<DropOffTopicRow>()).ToArray(),
                (await results.ReadAsync<CourseRatingRow>()).ToArray(),
                (await results.ReadAsync<WeekdayRow>()).ToArray(),
                await results.ReadSingleAsync<CohortActivityRow>());
        }

        if (students.Length < minGroupSize)
        {
            return (subject, Suppressed(minGroupSize), SuppressionInfo.WholeGroup(minGroupSize));
        }

        var outcomes = await OutcomesAsync(students, subject, cancellationToken);
        var merged = RecommendationsCalculator.Merge(CohortRecommendationsCalculator.TrainerCandidates(input, settings));
        return (subject, Cohort(merged, outcomes, CohortRecommendationsCalculator.TrainerInsights(input), subject.AsOf, settings, limit), null);
    }

    private async Task<(SubjectContext, RecommendationsPayload, SuppressionInfo?)> OrganisationCohortAsync(
        string organisationId, DateTimeOffset now, RecommendationsSettings settings, int limit, CancellationToken cancellationToken)
    {
        SubjectContext subject;
        int minGroupSize;
        string[] members;
        Dictionary<string, string> stored;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(
                         SubjectContext.OrganisationSql + SqlQueries.Get("Recommendations.Settings") + SqlQueries.Get("Recommendations.OrganisationCohort")
                         + SqlQueries.Get("Recommendations.Snapshots"),
                         new
                         {
                             organisationId,
                             userId = (string?)null,
                             now,
                             subjectType = "organisation",
                             subjectId = organisationId,
                             role = RoleFamilies.OrgAdmin,
                             analytics = OrganisationAnalytics,
                             oldest = now - SnapshotStore.Retention,
                         },
                         cancellationToken: cancellationToken)))
        {
            subject = await SubjectContext.ReadAsync(results);
            minGroupSize = privacy.MinGroupSizeFor(await results.ReadSingleOrDefaultAsync<int?>());
            members = (await results.ReadAsync<string>()).ToArray();
            stored = (await results.ReadAsync<StoredInputRow>()).ToDictionary(r => r.Analytic, r => r.Payload, StringComparer.Ordinal);
        }

        if (members.Length < minGroupSize)
        {
            return (subject, Suppressed(minGroupSize), SuppressionInfo.WholeGroup(minGroupSize));
        }

        var input = new OrganisationCohortInput(
            await _inputs.ResolveAsync<StrategicAlignmentPayload>("organisation", organisationId, "strategic-alignment", stored, cancellationToken),
            await _inputs.ResolveAsync<LearningVelocityPayload>("organisation", organisationId, "learning-velocity", stored, cancellationToken),
            await _inputs.ResolveAsync<LearningCulturePayload>("organisation", organisationId, "learning-culture", stored, cancellationToken));
        var outcomes = await OutcomesAsync(members, subject, cancellationToken);
        var merged = RecommendationsCalculator.Merge(CohortRecommendationsCalculator.OrganisationCandidates(input, settings));
        return (subject, Cohort(merged, outcomes, CohortRecommendationsCalculator.OrganisationInsights(input), subject.AsOf, settings, limit), null);
    }

    private async Task<(SubjectContext Subject, int MinGroupSize)> SubjectAsync(string subjectSql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            subjectSql + SqlQueries.Get("Recommendations.Settings"), parameters, cancellationToken: cancellationToken));
        var subject = await SubjectContext.ReadAsync(results);
        return (subject, privacy.MinGroupSizeFor(await results.ReadSingleOrDefaultAsync<int?>()));
    }

    private async Task<IReadOnlyList<FeedOutcomeRow>> OutcomesAsync(string[] userIds, SubjectContext subject, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<FeedOutcomeRow>(new CommandDefinition(
            SqlQueries.Get("Recommendations.Summary"), new { userIds, asOf = subject.AsOf, zone = subject.TimeZone }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Writes the R1–R6 items of the list to the feed as `rules` rows (reasons of merged rule items joined).</summary>
    private async Task IssueAsync(string userId, IReadOnlyList<MergedRecommendation> merged, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        var rules = merged.Where(m => m.LeadRule is not null).ToArray();
        if (rules.Length == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(SqlQueries.Get("Recommendations.Issue"), connection);
        command.Parameters.Add(new NpgsqlParameter<string>("userId", userId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("issuedAt", NpgsqlDbType.TimestampTz) { TypedValue = issuedAt });
        command.Parameters.Add(new NpgsqlParameter<string[]>("itemTypes", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = rules.Select(m => m.LeadRule!.ItemType).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]>("itemIds", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = rules.Select(m => m.LeadRule!.ItemId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]>("reasons", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = rules.Select(m => m.RuleReasons!).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<decimal[]>("scores", NpgsqlDbType.Array | NpgsqlDbType.Numeric)
        {
            TypedValue = rules.Select(m => RecommendationsCalculator.FeedScore(m.LeadRule!.Priority, m.LeadRule.Confidence)).ToArray(),
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The issue time: now, or, when the organisation's "today" is frozen in the past (analysisDate: OULAD, the demo store), noon
    /// UTC of that reference date, so an item is issued on the day the analysis stands on (and counts in the summary from the next).
    /// </summary>
    private static DateTimeOffset IssueTime(DateTimeOffset now, DateOnly referenceDate) =>
        referenceDate < DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1)
            ? new DateTimeOffset(referenceDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)
            : now;

    private static RecommendationsPayload Cohort(
        IReadOnlyList<MergedRecommendation> merged, IReadOnlyList<FeedOutcomeRow> outcomes, IReadOnlyList<RecommendationInsight> insights,
        DateOnly asOf, RecommendationsSettings settings, int limit)
    {
        var items = merged.Take(limit).Select(m => RecommendationsCalculator.Item(m, settings)).ToArray();
        return new RecommendationsPayload
        {
            DefinitionVersion = RecommendationsCalculator.DefinitionVersion,
            Recommendations = items,
            Categories = RecommendationsCalculator.Categories(items),
            Summary = RecommendationsCalculator.Summary(outcomes, asOf),
            Insights = insights,
            NotAvailable = RecommendationsCalculator.NotAvailable,
        };
    }

    /// <summary>The §0.5 whole-response suppression: the shape kept, every figure null, lists empty.</summary>
    private static RecommendationsPayload Suppressed(int minGroupSize) => new()
    {
        DefinitionVersion = RecommendationsCalculator.DefinitionVersion,
        Recommendations = [],
        Categories = [],
        Summary = RecommendationsCalculator.SuppressedSummary,
        Insights = [],
        NotAvailable = RecommendationsCalculator.NotAvailable,
        Suppressed = true,
        Message = SuppressionInfo.MessageFor(minGroupSize),
    };
}
