using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Errors;

namespace Analytics.Api.Features.Reports.Shared;

/// <summary>
/// Queues a report for a requester (the caller of `POST /reports/generate`, or a schedule's owner at run time): resolves the
/// defaults, authorises the subject and every analytic as their read endpoints would (API.md §3.3, under the active role), and
/// stores the job; a report worker renders it off the request thread.
/// </summary>
public sealed class ReportEnqueuer(ReportStore store, ReportAccess access, TimeProvider timeProvider)
{
    private const int DefaultDays = 30;

    /// <summary>The subject, template and analytics an order stands for, once the requester may read them all (403/404 otherwise).</summary>
    public async Task<ResolvedReport> ResolveAsync(CurrentUser requester, ReportOrder order, CancellationToken cancellationToken)
    {
        var type = ReportRequestRules.Type(order.Type)!;
        var template = order.TemplateId is null ? ReportTemplates.DefaultFor(type) : ReportTemplates.Find(order.TemplateId)!;
        var analytics = order.Analytics is { } ids
            ? ids.Select(id => ReportTypes.Canonical(type, id!)!).Distinct().ToArray()
            : template.Analytics.ToArray();
        var subjectId = order.SubjectId ?? (type == ReportTypes.Organisation ? requester.OrganisationId : requester.UserId)
                        ?? throw Problems.Validation("userId", "is required: the caller belongs to no organisation");
        await access.EnsureCanReadAsync(requester, type, subjectId, analytics, cancellationToken);
        return new ResolvedReport(type, subjectId, template, analytics);
    }

    public async Task<ReportRow> QueueAsync(CurrentUser requester, ReportOrder order, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(requester, order, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var zone = order.TimeZone ?? "UTC";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        var to = order.To ?? today;
        var from = order.From ?? to.AddDays(-(DefaultDays - 1));
        if (from > to || to.DayNumber - from.DayNumber > ReportRequestRules.MaxSpanDays)
        {
            throw Problems.Validation("from", $"must be on or before to, at most {ReportRequestRules.MaxSpanDays} days before it");
        }

        var title = order.Title
                    ?? $"{ReportTypes.Name(resolved.Type)} report — {await store.SubjectNameAsync(resolved.SubjectId, cancellationToken) ?? resolved.SubjectId}";
        var row = new ReportRow
        {
            Id = order.ReportId ?? ReportIds.New(now),
            RequestedBy = requester.UserId,
            Role = requester.ActiveRole,
            SubjectType = resolved.Type,
            SubjectId = resolved.SubjectId,
            OrganisationId = requester.OrganisationId ?? resolved.SubjectId,
            TemplateId = resolved.Template.Id,
            Analytics = resolved.Analytics.ToArray(),
            Format = ReportFormats.Canonical(order.Format)!,
            Parameters = new ReportParameters(from, to, zone).ToJson(),
            Title = title,
            Status = ReportStatuses.Queued,
            ScheduleId = order.ScheduleId,
            CreatedAt = now,
            ExpiresAt = now + ReportStore.Lifetime,
        };
        return await store.EnqueueAsync(row, resolved.Template, cancellationToken);
    }
}
