using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.LearnerAnalytics.Mastery;

/// <summary>
/// Reads the target skills, levels and evidence of one learner, or of a batch of learners (the nightly run), in one round trip
/// and computes `mastery@1.0` on each learner's rows; a single learner is a batch of one.
/// </summary>
public sealed class MasteryHandler(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider)
    : IQueryHandler<MasteryQuery, AnalyticResult<MasteryPayload>>
{
    public async ValueTask<AnalyticResult<MasteryPayload>> Handle(MasteryQuery query, CancellationToken cancellationToken) =>
        (await ComputeAsync([query.UserId], query.EffectivePathId, cancellationToken))[0].ResultOrThrow();

    /// <summary>The mastery of each learner in <paramref name="userIds"/>, in order; an unknown learner is SUBJECT_NOT_FOUND.</summary>
    public async Task<IReadOnlyList<SubjectOutcome<MasteryPayload>>> ComputeAsync(
        IReadOnlyList<string> userIds, string? pathId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var settings = MasterySettings.From(configuration);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var rows = await UserRows.QueryAsync(
            connection,
            SubjectContexts.UsersSql + SqlQueries.Get("Mastery"),
            new { userIds = userIds.ToArray(), now, scorePct = settings.ScorePct },
            cancellationToken);
        var subjects = await SubjectContexts.ReadAsync(rows);
        var paths = await rows.PerUserAsync<MasteryPathRow>();
        var pathSkills = await rows.PerUserAsync<MasteryPathSkill>();
        var pathTopics = await rows.PerUserAsync<MasteryPathTopic>();
        var enrolmentSkills = await rows.PerUserAsync<MasteryEnrolmentSkill>();
        var targetSkillIds = await rows.PerUserAsync<string>();
        var skills = await rows.PerUserAsync<MasterySkillFact>();
        var evidence = await rows.PerUserAsync<MasteryEvidence>();

        return SubjectOutcomes.Compute(userIds, subjects, (userId, subject) =>
        {
            var inputs = new MasteryInputs(
                [.. paths[userId]],
                [.. pathSkills[userId]],
                [.. pathTopics[userId]],
                [.. enrolmentSkills[userId]],
                [.. targetSkillIds[userId]],
                [.. skills[userId]],
                [.. evidence[userId]]);

            // A pathId that is not one of the subject's paths is outside the caller's scope, like an unknown courseId (API.md §3.4).
            if (pathId is not null && !inputs.Paths.Any(p => p.PathId == pathId))
            {
                throw Problems.AccessDenied();
            }

            var payload = MasteryCalculator.Compute(subject.AsOf, inputs, settings, pathId) with { Source = subject.Source };
            return new AnalyticResult<MasteryPayload>(
                "mastery", payload, new AnalyticSubject("learner", userId), now, subject.DataAsOf, subject.Source);
        });
    }
}
