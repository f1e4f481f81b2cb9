using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>
/// Reads the content, activity and submissions of one learner, or of a batch of learners (the nightly run), in one round trip
/// and computes `content-effectiveness@1.0` on each learner's rows; a single learner is a batch of one.
/// </summary>
public sealed class ContentEffectivenessHandler(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider)
    : IQueryHandler<ContentEffectivenessQuery, AnalyticResult<ContentEffectivenessPayload>>
{
    public async ValueTask<AnalyticResult<ContentEffectivenessPayload>> Handle(ContentEffectivenessQuery query, CancellationToken cancellationToken)
    {
        var filter = new ContentEffectivenessFilter(
            query.EffectiveCourseId, query.EffectiveContentType, query.EffectiveCreationMethod, query.FromDate, query.ToDate);
        return (await ComputeAsync([query.UserId], filter, cancellationToken))[0].ResultOrThrow();
    }

    /// <summary>The content effectiveness of each learner in <paramref name="userIds"/>, in order; an unknown learner is SUBJECT_NOT_FOUND.</summary>
    public async Task<IReadOnlyList<SubjectOutcome<ContentEffectivenessPayload>>> ComputeAsync(
        IReadOnlyList<string> userIds, ContentEffectivenessFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var rows = await UserRows.QueryAsync(
            connection, SubjectContexts.UsersSql + SqlQueries.Get("ContentEffectiveness"), new { userIds = userIds.ToArray(), now }, cancellationToken);
        var subjects = await SubjectContexts.ReadAsync(rows);
        var enrolments = await rows.PerUserAsync<ContentEnrolment>();
        var itemsByCourse = (await rows.SharedAsync<ContentItem>()).ToLookup(i => i.CourseId, StringComparer.Ordinal);
        var activity = await rows.PerUserAsync<ContentActivity>();
        var submissions = await rows.PerUserAsync<ContentSubmission>();
        var activeDays = await rows.PerUserAsync<DateOnly>();
        var settings = ContentEffectivenessSettings.From(configuration);

        return SubjectOutcomes.Compute(userIds, subjects, (userId, subject) =>
        {
            var own = enrolments[userId].ToArray();
            var inputs = new ContentEffectivenessInputs(
                own,
                own.SelectMany(e => itemsByCourse[e.CourseId]).ToArray(),
                [.. activity[userId]],
                [.. submissions[userId]],
                [.. activeDays[userId]]);

            // A courseId that is not one of the subject's courses is outside the caller's scope (API.md §3.4).
            if (filter.CourseId is { } courseId && !inputs.Enrolments.Any(e => e.CourseId == courseId))
            {
                throw Problems.AccessDenied();
            }

            // With `from` alone the period ends at asOf, which only the store knows; the order rule is checked here.
            if (filter.To is null && filter.From is { } from && from > subject.AsOf)
            {
                throw Problems.Validation("from", $"must not be after to (default asOf {subject.AsOf:yyyy-MM-dd})");
            }

            var payload = ContentEffectivenessCalculator.Compute(subject.AsOf, inputs, filter, settings) with { Source = subject.Source };
            return new AnalyticResult<ContentEffectivenessPayload>(
                "content-effectiveness", payload, new AnalyticSubject("learner", userId), now, subject.DataAsOf, subject.Source);
        });
    }
}
