using Analytics.Api.Features.Comparison.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.Comparison.PeerComparison;

/// <summary>
/// Reads the subject, makes sure the inputs of its group exist (learner snapshots of the organisation or department, or the
/// teaching-effectiveness snapshots of the organisation's trainers; ANALYTICS.md §0.7), reads the group set-based once and
/// computes `peer-comparison@1.0`. The group is kept for the life of the handler, so a nightly chunk of learners of one
/// organisation reads it once instead of once per learner. Platform scope does not compute missing snapshots of the whole
/// platform: it compares with the learners that have recent ones.
/// </summary>
public sealed class PeerComparisonHandler(
    NpgsqlDataSource dataSource,
    TimeProvider timeProvider,
    PrivacySettings privacy,
    LearnerSnapshotInputs learnerInputs,
    SnapshotAnalytics snapshotAnalytics,
    SnapshotStore snapshotStore,
    IServiceProvider services)
    : IQueryHandler<PeerComparisonQuery, AnalyticResult<PeerComparisonPayload>>
{
    private static readonly string[] LearnerInputs = ["velocity", "engagement", "mastery", "performance"];

    private readonly Dictionary<string, PeerPopulation> _groups = new(StringComparer.Ordinal);

    public async ValueTask<AnalyticResult<PeerComparisonPayload>> Handle(PeerComparisonQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var oldest = now - SnapshotStore.Retention;
        var isOrganisation = query.SubjectType == CohortSubjects.OrganisationCohort;
        SubjectContext subject;
        int minGroupSize;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(
                         (isOrganisation ? SubjectContext.OrganisationSql : SubjectContext.UserSql) + SqlQueries.Get("PeerComparison.Settings"),
                         new { userId = isOrganisation ? null : query.Id, organisationId = isOrganisation ? query.Id : null, now },
                         cancellationToken: cancellationToken)))
        {
            subject = await SubjectContext.ReadAsync(results);
            minGroupSize = privacy.MinGroupSizeFor(await results.ReadSingleOrDefaultAsync<int?>());
        }

        var (form, population, values, skills) = query.SubjectType switch
        {
            CohortSubjects.TrainerCohort => await TrainerCohortAsync(query.Id, subject, oldest, cancellationToken),
            CohortSubjects.OrganisationCohort => await OrganisationCohortAsync(query.Id, subject, oldest, minGroupSize, cancellationToken),
            _ => await LearnerAsync(query, subject, oldest, minGroupSize, cancellationToken),
        };
        var computed = PeerComparisonCalculator.Compute(subject.AsOf, form, population, query.Id, values, skills, minGroupSize);
        return new AnalyticResult<PeerComparisonPayload>(
            PeerComparisonQuery.Analytic,
            computed.Payload with { Source = subject.Source },
            new AnalyticSubject(query.SubjectType, query.Id),
            now,
            subject.DataAsOf,
            subject.Source)
        {
            Suppression = computed.Suppression,
        };
    }

    private async Task<(PeerForm, PeerPopulation, IReadOnlyList<double?>, IReadOnlyList<SubjectSkill>)> LearnerAsync(
        PeerComparisonQuery query, SubjectContext subject, DateTimeOffset oldest, int minGroupSize, CancellationToken cancellationToken)
    {
        var scope = query.PeerGroup;
        var form = PeerForm.Learner(scope);
        var departmentId = scope == "department" ? subject.DepartmentId : null;
        if (scope == "department" && departmentId is null)
        {
            // No department: the learner has no department peers (the insufficient-data answer).
            return (form, new PeerPopulation([], form.Metrics.Count, []), [null, null, null, null], []);
        }

        // The subject's organisation (or department) is brought up to date; other organisations are read as stored.
        if (query.ComputeMissingInputs)
        {
            await learnerInputs.EnsureAsync(subject.OrganisationId, departmentId, LearnerInputs, cancellationToken);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var key = scope == "platform" ? $"learners:platform:{subject.AsOf:O}" : $"learners:{scope}:{subject.OrganisationId}:{departmentId}:{subject.AsOf:O}";
        if (!_groups.TryGetValue(key, out var population))
        {
            await using var group = await connection.QueryMultipleAsync(new CommandDefinition(
                SqlQueries.Get("PeerComparison.Learners"),
                new { scope, organisationId = subject.OrganisationId, departmentId, oldest, asOf = subject.AsOf, minGroupSize },
                cancellationToken: cancellationToken));
            var members = (await group.ReadAsync<LearnerPeerRow>()).Select(r => r.ToMember()).ToArray();
            var levels = (await group.ReadAsync<SkillLevelCount>()).ToArray();
            population = new PeerPopulation(members, form.Metrics.Count, levels);
            _groups[key] = population;
        }

        await using var own = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlQueries.Get("PeerComparison.Learner"), new { userId = query.Id, oldest }, cancellationToken: cancellationToken));
        var values = await own.ReadSingleAsync<LearnerValuesRow>();
        var skills = (await own.ReadAsync<SubjectSkill>()).ToArray();
        return (form, population, values.Values, skills);
    }

    private async Task<(PeerForm, PeerPopulation, IReadOnlyList<double?>, IReadOnlyList<SubjectSkill>)> TrainerCohortAsync(
        string trainerId, SubjectContext subject, DateTimeOffset oldest, CancellationToken cancellationToken)
    {
        var form = PeerForm.Trainers;
        var key = $"trainers:{subject.OrganisationId}:{subject.AsOf:O}";
        if (!_groups.TryGetValue(key, out var population))
        {
            await EnsureTrainerSnapshotsAsync(subject.OrganisationId, oldest, cancellationToken);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<TrainerPeerRow>(new CommandDefinition(
                SqlQueries.Get("PeerComparison.Trainers"), new { organisationId = subject.OrganisationId, oldest }, cancellationToken: cancellationToken));
            population = new PeerPopulation(rows.Select(r => r.ToMember()).ToArray(), form.Metrics.Count, []);
            _groups[key] = population;
        }

        return (form, population, population.Member(trainerId)?.Values ?? [null, null, null, null], []);
    }

    private async Task<(PeerForm, PeerPopulation, IReadOnlyList<double?>, IReadOnlyList<SubjectSkill>)> OrganisationCohortAsync(
        string organisationId, SubjectContext subject, DateTimeOffset oldest, int minGroupSize, CancellationToken cancellationToken)
    {
        var form = PeerForm.Organisations;
        var key = $"organisations:{subject.AsOf:O}:{minGroupSize}";
        if (!_groups.TryGetValue(key, out var population))
        {
            await learnerInputs.EnsureAsync(organisationId, null, ["engagement"], cancellationToken);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<OrganisationPeerRow>(new CommandDefinition(
                SqlQueries.Get("PeerComparison.Organisations"), new { oldest, minGroupSize }, cancellationToken: cancellationToken));
            population = new PeerPopulation(rows.Select(r => r.ToMember()).ToArray(), form.Metrics.Count, []);
            _groups[key] = population;
        }

        return (form, population, population.Member(organisationId)?.Values ?? [null, null, null, null], []);
    }

    /// <summary>Computes and stores the teaching-effectiveness snapshots the organisation's trainers lack (few people per organisation).</summary>
    private async Task EnsureTrainerSnapshotsAsync(string organisationId, DateTimeOffset oldest, CancellationToken cancellationToken)
    {
        var analytic = snapshotAnalytics.Find("trainer", "teaching-effectiveness")
                       ?? throw new InvalidOperationException("No stored trainer analytic 'teaching-effectiveness'.");
        List<string> missing;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            missing = (await connection.QueryAsync<string>(new CommandDefinition(
                SqlQueries.Get("PeerComparison.MissingTrainers"), new { organisationId, oldest }, cancellationToken: cancellationToken))).AsList();
        }

        if (missing.Count == 0)
        {
            return;
        }

        var computed = await analytic.ComputeAsync(services, missing, cancellationToken);
        await snapshotStore.WriteAsync(
            computed.Where(c => c.Result is not null)
                .Select(c => new SnapshotWrite(SnapshotKey.Trainer(c.SubjectId, "teaching-effectiveness"), c.Result!, c.ComputeMs, null))
                .ToArray(),
            cancellationToken);
    }
}
