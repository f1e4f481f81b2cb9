using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Errors;
using Mediator;

namespace Analytics.Api.Features.Reports.GenerateReport;

/// <summary>
/// Authorises the subject and every analytic as their read endpoints would (API.md §3.3, under the active role), then stores the
/// job; a report worker renders it off the request thread.
/// </summary>
public sealed class GenerateReportHandler(ReportStore store, ReportAccess access, CurrentUserAccessor currentUser, TimeProvider timeProvider)
    : ICommandHandler<GenerateReportCommand, ReportResource>
{
    private const int DefaultDays = 30;

    public async ValueTask<ReportResource> Handle(GenerateReportCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.Required;
        var type = ReportRequestRules.Type(command.Type)!;
        var template = command.TemplateId is null ? ReportTemplates.DefaultFor(type) : ReportTemplates.Find(command.TemplateId)!;
        var analytics = command.Analytics is { } ids
            ? ids.Select(id => ReportTypes.Canonical(type, id!)!).Distinct().ToArray()
            : template.Analytics.ToArray();
        var subjectId = command.SubjectId ?? (type == ReportTypes.Organisation ? caller.OrganisationId : caller.UserId)
                        ?? throw Problems.Validation("userId", "is required: the caller belongs to no organisation");
        await access.EnsureCanReadAsync(caller, type, subjectId, analytics, cancellationToken);

        var now = timeProvider.GetUtcNow();
        var zone = command.TimeZone ?? "UTC";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        var to = ReportRequestRules.Date(command.To) ?? today;
        var from = ReportRequestRules.Date(command.From) ?? to.AddDays(-(DefaultDays - 1));
        if (from > to || to.DayNumber - from.DayNumber > ReportRequestRules.MaxSpanDays)
        {
            throw Problems.Validation("from", $"must be on or before to, at most {ReportRequestRules.MaxSpanDays} days before it");
        }

        var title = command.Title
                    ?? $"{ReportTypes.Name(type)} report — {await store.SubjectNameAsync(subjectId, cancellationToken) ?? subjectId}";
        var row = new ReportRow
        {
            Id = ReportIds.New(now),
            RequestedBy = caller.UserId,
            Role = caller.ActiveRole,
            SubjectType = type,
            SubjectId = subjectId,
            OrganisationId = caller.OrganisationId ?? subjectId,
            TemplateId = template.Id,
            Analytics = analytics,
            Format = ReportFormats.Canonical(command.Format)!,
            Parameters = new ReportParameters(from, to, zone).ToJson(),
            Title = title,
            Status = ReportStatuses.Queued,
            CreatedAt = now,
            ExpiresAt = now + ReportStore.Lifetime,
        };
        await store.EnqueueAsync(row, template, cancellationToken);
        return ReportResource.Of(row);
    }
}
