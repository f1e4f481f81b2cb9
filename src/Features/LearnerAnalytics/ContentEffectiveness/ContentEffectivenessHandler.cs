using System.Diagnostics;
using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Database;
using Analytics.Api.Shared.Errors;
using Dapper;
using Mediator;
using Npgsql;

namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>Reads one learner's content, activity and submissions in one round trip and computes `content-effectiveness@1.0` on them.</summary>
public sealed class ContentEffectivenessHandler(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider timeProvider)
    : IQueryHandler<ContentEffectivenessQuery, AnalyticResult<ContentEffectivenessPayload>>
{
    public async ValueTask<AnalyticResult<ContentEffectivenessPayload>> Handle(ContentEffectivenessQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SubjectContext.UserSql + SqlQueries.Get("ContentEffectiveness"), new { userId = query.UserId, now }, cancellationToken: cancellationToken));
        var subject = await SubjectContext.ReadAsync(results);
        var inputs = new ContentEffectivenessInputs(
            (await results.ReadAsync<ContentEnrolment>()).ToArray(),
            (await results.ReadAsync<ContentItem>()).ToArray(),
            (await results.ReadAsync<ContentActivity>()).ToArray(),
            (await results.ReadAsync<ContentSubmission>()).ToArray(),
            (await results.ReadAsync<DateOnly>()).ToArray());

        // A courseId that is not one of the subject's courses is outside the caller's scope (API.md §3.4).
        if (query.EffectiveCourseId is { } courseId && !inputs.Enrolments.Any(e => e.CourseId == courseId))
        {
            throw Problems.AccessDenied();
        }

        // With `from` alone the period ends at asOf, which only the store knows; the order rule is checked here.
        if (query.ToDate is null && query.FromDate is { } from && from > subject.AsOf)
        {
            throw Problems.Validation("from", $"must not be after to (default asOf {subject.AsOf:yyyy-MM-dd})");
        }

        var filter = new ContentEffectivenessFilter(
            query.EffectiveCourseId, query.EffectiveContentType, query.EffectiveCreationMethod, query.FromDate, query.ToDate);
        var payload = ContentEffectivenessCalculator.Compute(subject.AsOf, inputs, filter, ContentEffectivenessSettings.From(configuration))
            with
        { Source = subject.Source };
        return new AnalyticResult<ContentEffectivenessPayload>(
            "content-effectiveness", payload, new AnalyticSubject("learner", query.UserId), now, subject.DataAsOf, subject.Source);
    }
}
