using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Features.Reports.Shared.Schedules;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Errors;
using Mediator;

namespace Analytics.Api.Features.Reports.CreateSchedule;

/// <summary>
/// Authorises the schedule's subject and analytics as a generate would (the shared <see cref="ReportEnqueuer"/>), checks the
/// e-mail recipients (the caller's own address; an org-admin may add members of the organisation), computes the first run in
/// the schedule's time zone (default the caller's, UTC when unknown) and stores it under the caller's active role.
/// </summary>
public sealed class CreateScheduleHandler(
    ReportEnqueuer queue,
    ScheduleStore store,
    WebhookSecrets secrets,
    CurrentUserAccessor currentUser,
    TimeProvider timeProvider) : ICommandHandler<CreateScheduleCommand, ScheduleResource>
{
    public async ValueTask<ScheduleResource> Handle(CreateScheduleCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.Required;
        var type = ReportRequestRules.Type(command.Type)!;
        var resolved = await queue.ResolveAsync(
            caller, new ReportOrder(type, command.Format, command.SubjectId, command.TemplateId, command.Analytics, null, null, null, null),
            cancellationToken);
        var channel = command.Channel ?? ScheduleChannels.Store;
        var recipients = channel == ScheduleChannels.Email ? await RecipientsAsync(caller, command.Recipients, cancellationToken) : null;
        string? secret = null;
        string? encryptedSecret = null;
        if (channel == ScheduleChannels.Webhook)
        {
            secret = WebhookSecrets.NewSecret();
            encryptedSecret = secrets.Encrypt(secret);
        }

        var zoneId = command.TimeZone ?? await CallerZoneAsync(caller, cancellationToken);
        var cron = ScheduleCron.TryParse(command.Cron, out var parsed) ? parsed! : throw Problems.Validation("cron", "must be a 5-field cron");
        var now = timeProvider.GetUtcNow();
        var enabled = command.Enabled ?? true;
        var row = new ScheduleRow
        {
            Id = ReportIds.NewSchedule(now),
            OwnerId = caller.UserId,
            Role = caller.ActiveRole,
            TemplateId = resolved.Template.Id,
            SubjectType = resolved.Type,
            SubjectId = resolved.SubjectId,
            Format = ReportFormats.Canonical(command.Format)!,
            Cron = command.Cron!.Trim(),
            TimeZone = zoneId,
            Name = command.Name!,
            Analytics = resolved.Analytics.ToArray(),
            Period = command.Period ?? SchedulePeriods.Last30Days,
            Delivery = new ScheduleDelivery(channel, recipients, command.WebhookUrl, encryptedSecret).ToJson(),
            Enabled = enabled,
            NextRunAt = enabled ? cron.NextAfter(now, TimeZoneInfo.FindSystemTimeZoneById(zoneId)) : null,
            CreatedAt = now,
        };
        if (!await store.InsertAsync(row, resolved.Template, cancellationToken))
        {
            throw ReportProblems.LimitReached(ScheduleStore.MaxPerOwner);
        }

        return ScheduleResource.Of(row, secret);
    }

    private async Task<string> CallerZoneAsync(CurrentUser caller, CancellationToken cancellationToken) =>
        TimeZones.Valid((await store.OwnerAsync(caller.UserId, cancellationToken))?.TimeZone) ?? "UTC";

    private async Task<IReadOnlyList<string>> RecipientsAsync(CurrentUser caller, IReadOnlyList<string?>? requested, CancellationToken cancellationToken)
    {
        var own = caller.Email?.Trim().ToLowerInvariant();
        var recipients = (requested?.Select(r => r!.Trim().ToLowerInvariant()) ?? (own is null ? [] : [own])).Distinct().ToArray();
        if (recipients.Length == 0)
        {
            throw Problems.Validation("delivery.recipients", "is required: the caller has no e-mail address");
        }

        var others = recipients.Where(r => r != own).ToArray();
        if (others.Length == 0)
        {
            return recipients;
        }

        var members = caller.ActiveRole == Roles.OrgAdmin && caller.OrganisationId is { } organisationId
            ? await store.MemberEmailsAsync(organisationId, others, cancellationToken)
            : new HashSet<string>();
        var refused = others.Where(r => !members.Contains(r)).ToArray();
        return refused.Length == 0
            ? recipients
            : throw Problems.Validation("delivery.recipients",
                $"may hold only your own address (an org-admin may add members of the organisation): {string.Join(", ", refused)}");
    }
}
