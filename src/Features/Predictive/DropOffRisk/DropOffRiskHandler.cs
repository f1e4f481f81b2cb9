using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Analytics.Api.Shared.Freshness;
using Dapper;
using Mediator;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Analytics.Api.Features.Predictive.DropOffRisk;

/// <summary>
/// `drop-off-risk@1.0` for a learner (one learner's rows: subject facts, engagement snapshot, histories, block activity and the
/// cohort medians of the factors) or for a trainer / organisation cohort (set-based through <see cref="DropOffCohortReader"/>).
/// Every risk comes from <see cref="DropOffRiskScorer"/>. An opted-out learner gets the empty shape with PREDICTIVE_OPT_OUT.
/// </summary>
public sealed class DropOffRiskHandler(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    TimeProvider timeProvider,
    PrivacySettings privacy,
    SnapshotAnalytics snapshotAnalytics,
    SnapshotStore snapshotStore,
    IServiceProvider services,
    DropOffModelStore models,
    IMemoryCache peerCache)
    : IQueryHandler<DropOffRiskQuery, AnalyticResult<DropOffRiskPayload>>
{
    /// <summary>How long a course's (or organisation's) peer group at a week is kept in memory.</summary>
    private static readonly TimeSpan PeerLifetime = TimeSpan.FromMinutes(30);

    public async ValueTask<AnalyticResult<DropOffRiskPayload>> Handle(DropOffRiskQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var courseId = string.IsNullOrEmpty(query.CourseId) ? null : query.CourseId;
        var engagement = new DropOffEngagementInputs(dataSource, snapshotAnalytics, snapshotStore, services, timeProvider);
        var isOrganisation = query.SubjectType == CohortSubjects.OrganisationCohort;

        SubjectContext subject;
        LearnerFacts? facts = null;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(
                         (isOrganisation ? SubjectContext.OrganisationSql : SubjectContext.UserSql)
                         + (query.SubjectType == CohortSubjects.Learner ? SqlQueries.Get("DropOffRisk.Learner") : string.Empty),
                         new { userId = isOrganisation ? null : query.Id, organisationId = isOrganisation ? query.Id : null, now },
                         cancellationToken: cancellationToken)))
        {
            subject = await SubjectContext.ReadAsync(results);
            if (query.SubjectType == CohortSubjects.Learner)
            {
                facts = await results.ReadSingleAsync<LearnerFacts>();
            }
        }

        var scorer = await DropOffRiskScorer.ForAsync(models, subject.OrganisationId, DropOffRiskSettings.From(configuration), configuration, cancellationToken);
        var (payload, suppression) = facts is not null
            ? await LearnerAsync(query.Id, courseId, subject, facts, scorer, engagement, query.ComputeMissingInputs, cancellationToken)
            : DropOffRiskCohortCalculator.Compute(
                subject.AsOf,
                await new DropOffCohortReader(dataSource, engagement, privacy).ReadAsync(
                    query.SubjectType, query.Id, subject.AsOf, courseId, null, scorer, query.ComputeMissingInputs, cancellationToken),
                scorer,
                subject.OrganisationId);

        return new AnalyticResult<DropOffRiskPayload>(
            DropOffRiskQuery.Analytic,
            payload with { Source = subject.Source },
            new AnalyticSubject(query.SubjectType, query.Id),
            now,
            subject.DataAsOf,
            subject.Source)
        {
            Suppression = suppression,
        };
    }

    private async Task<(DropOffRiskPayload, SuppressionInfo?)> LearnerAsync(
        string userId,
        string? courseId,
        SubjectContext subject,
        LearnerFacts facts,
        DropOffRiskScorer scorer,
        DropOffEngagementInputs engagementInputs,
        bool storeInputs,
        CancellationToken cancellationToken)
    {
        var asOf = subject.AsOf;
        var minGroupSize = privacy.MinGroupSizeFor(facts.MinGroupSize);
        if (facts.OptedOut)
        {
            // ANALYTICS.md §0.5: not scored at all; the empty shape says why.
            return (DropOffRiskCalculator.Empty(asOf, DropOffRiskCalculator.OptedOut, scorer.Card(subject.OrganisationId, 0)),
                new SuppressionInfo(SuppressionInfo.PredictiveOptOut, minGroupSize, 0));
        }

        IReadOnlyList<DropOffHistory> histories;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            histories = await DropOffHistoryReader.ReadLearnersAsync(connection, [userId], cancellationToken);
        }

        // A courseId that is not one of the learner's courses is out of scope (API.md §3.4).
        if (courseId is not null && histories.All(h => h.Enrolment.CourseId != courseId))
        {
            throw Problems.AccessDenied();
        }

        var inScope = histories.Where(h => courseId is null || h.Enrolment.CourseId == courseId).ToArray();
        var engagement = (await engagementInputs.ReadAsync([userId], asOf, sameAsOf: true, storeInputs, cancellationToken))
            .GetValueOrDefault(userId) ?? new Dictionary<DateOnly, int>();
        var learner = DropOffRiskEvaluation.Learner(userId, inScope, engagement, asOf, scorer);
        if (!learner.IsScored)
        {
            return (DropOffRiskCalculator.Learner(asOf, learner, new Dictionary<string, DropOffPeerMedians>(), [], scorer, subject.OrganisationId), null);
        }

        var blocks = await DropOffCohortReader.BlocksAsync(dataSource, [userId], asOf, cancellationToken);
        var medians = await MediansAsync(learner, subject, minGroupSize, scorer.Settings, cancellationToken);
        return (DropOffRiskCalculator.Learner(asOf, learner, medians, blocks, scorer, subject.OrganisationId), null);
    }

    /// <summary>
    /// The cohort medians per scored enrolment (ANALYTICS.md §5.1): its course at the same weekOfCourse when ≥ k learners, else the
    /// organisation at that week (read only for the enrolments whose course-week is below k), else none.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, DropOffPeerMedians>> MediansAsync(
        DropOffLearnerRisk learner, SubjectContext subject, int minGroupSize, DropOffRiskSettings settings, CancellationToken cancellationToken)
    {
        var cutoff = subject.AsOf.AddDays(1);
        var targets = learner.Scored.Select(s => (s.Enrolment.CourseId, Week: (cutoff.DayNumber - s.Enrolment.Start.DayNumber) / 7)).ToArray();
        var medians = new Dictionary<string, DropOffPeerMedians>(StringComparer.Ordinal);
        var course = await PeersAsync(targets, false, subject, settings, cancellationToken);
        foreach (var (id, _) in targets)
        {
            if (DropOffPeerMedians.Of("course-week", course[id].ToArray(), settings.DeclineShare, minGroupSize) is { } m)
            {
                medians[id] = m;
            }
        }

        var rest = targets.Where(t => !medians.ContainsKey(t.CourseId)).ToArray();
        if (rest.Length > 0)
        {
            var organisation = await PeersAsync(rest, true, subject, settings, cancellationToken);
            foreach (var (id, _) in rest)
            {
                if (DropOffPeerMedians.Of("org-week", organisation[id].ToArray(), settings.DeclineShare, minGroupSize) is { } m)
                {
                    medians[id] = m;
                }
            }
        }

        return medians;
    }

    /// <summary>
    /// The peers of each (course, week) target. A group's rows are the same for every learner of the course (or organisation) at
    /// that week and cutoff, so they are kept in memory for <see cref="PeerLifetime"/>: the nightly run and a dashboard's reads
    /// query each group once instead of once per learner.
    /// </summary>
    private async Task<ILookup<string, DropOffPeerRow>> PeersAsync(
        IReadOnlyList<(string CourseId, int Week)> targets, bool organisationScope, SubjectContext subject, DropOffRiskSettings settings,
        CancellationToken cancellationToken)
    {
        var cutoff = subject.AsOf.AddDays(1);
        string Key((string CourseId, int Week) t) =>
            $"dropoff-peers:{(organisationScope ? "org" : "course")}:{subject.OrganisationId}:{t.CourseId}:{t.Week}:{cutoff:yyyy-MM-dd}";
        var found = new List<(string CourseId, DropOffPeerRow[] Rows)>();
        var missing = new List<(string CourseId, int Week)>();
        foreach (var target in targets)
        {
            if (peerCache.TryGetValue(Key(target), out DropOffPeerRow[]? cached) && cached is not null)
            {
                found.Add((target.CourseId, cached));
            }
            else
            {
                missing.Add(target);
            }
        }

        if (missing.Count > 0)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var rows = (await connection.QueryAsync<DropOffPeerRow>(new CommandDefinition(
                SqlQueries.Get("DropOffRisk.Peers"),
                new
                {
                    courseIds = missing.Select(t => t.CourseId).ToArray(),
                    weeks = missing.Select(t => t.Week).ToArray(),
                    organisationScope,
                    organisationId = subject.OrganisationId,
                    cutoff,
                    minDaysSinceStart = settings.MinDaysSinceStart,
                    oldest = timeProvider.GetUtcNow() - SnapshotStore.Retention,
                },
                cancellationToken: cancellationToken))).ToLookup(r => r.GroupId, StringComparer.Ordinal);
            foreach (var target in missing)
            {
                var group = rows[target.CourseId].ToArray();
                peerCache.Set(Key(target), group, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = PeerLifetime, Size = 64 + (group.Length * 96) });
                found.Add((target.CourseId, group));
            }
        }

        return found.SelectMany(f => f.Rows.Select(r => (f.CourseId, Row: r))).ToLookup(x => x.CourseId, x => x.Row, StringComparer.Ordinal);
    }

    private sealed record LearnerFacts(bool OptedOut, int? MinGroupSize);
}
