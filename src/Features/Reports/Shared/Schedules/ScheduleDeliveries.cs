using System.Text.Json;

namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>
/// When a scheduled run's report ends: records the run's outcome on the schedule, then delivers it by the schedule's channel —
/// `store` needs nothing more; `email` attaches files up to 5 MiB, else sends a signed link; `webhook` posts the signed event.
/// A delivery that fails is logged; the report stays stored and listed either way.
/// </summary>
public sealed partial class ScheduleDeliveries(
    ScheduleStore schedules,
    ReportStore reports,
    ReportLinks links,
    WebhookSecrets secrets,
    DeliveryOptions options,
    IServiceProvider services,
    ILogger<ScheduleDeliveries> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task AfterReportAsync(ReportRow report, bool completed, CancellationToken cancellationToken)
    {
        if (report.ScheduleId is not { } scheduleId)
        {
            return;
        }

        try
        {
            var status = completed ? ScheduleRunStatuses.Succeeded : ScheduleRunStatuses.Failed;
            if (await schedules.FinishAsync(scheduleId, report.Id, status, cancellationToken) is not { } schedule)
            {
                return;
            }

            var delivery = schedule.ReadDelivery();
            switch (delivery.Channel)
            {
                case ScheduleChannels.Email when options.EmailEnabled && delivery.Recipients is { Count: > 0 } recipients:
                    await MailAsync(report, completed, recipients, cancellationToken);
                    break;
                case ScheduleChannels.Webhook when options.WebhookEnabled && delivery is { WebhookUrl: { } url, EncryptedSecret: { } secret }:
                    await PostAsync(report, completed, scheduleId, new Uri(url), secrets.Decrypt(secret), cancellationToken);
                    break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogDeliveryFailed(scheduleId, report.Id, exception);
        }
    }

    private string Link(string reportId) => (options.PublicBaseUrl?.TrimEnd('/') ?? string.Empty) + links.DownloadPath(reportId);

    private async Task PostAsync(ReportRow report, bool completed, string scheduleId, Uri url, string secret, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new WebhookEvent(completed ? WebhookEvent.Completed : WebhookEvent.Failed, report.Id, scheduleId, report.Title, report.Format,
                completed ? Link(report.Id) : null, report.ExpiresAt),
            Json);
        await services.GetRequiredService<ReportWebhookClient>().PostAsync(url, secret, body, cancellationToken);
        LogDelivered(scheduleId, report.Id, ScheduleChannels.Webhook);
    }

    private async Task MailAsync(ReportRow report, bool completed, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var mailer = services.GetRequiredService<ReportMailer>();
        if (!completed)
        {
            await mailer.SendAsync(recipients, report.Title + " — failed", "The scheduled report could not be generated.", null, cancellationToken);
        }
        else
        {
            var file = await reports.ReadFileAsync(report.Id, cancellationToken);
            var attach = file is not null && file.Content.LongLength <= DeliveryOptions.MaxAttachmentBytes;
            var text = attach
                ? "Your scheduled report is attached."
                : $"Your scheduled report is ready: {Link(report.Id)} (the link is valid for 24 hours).";
            await mailer.SendAsync(recipients, report.Title, text, attach ? file : null, cancellationToken);
        }

        LogDelivered(report.ScheduleId!, report.Id, ScheduleChannels.Email);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report schedule {ScheduleId}: report {ReportId} delivered by {Channel}")]
    private partial void LogDelivered(string scheduleId, string reportId, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report schedule {ScheduleId}: delivering report {ReportId} failed")]
    private partial void LogDeliveryFailed(string scheduleId, string reportId, Exception exception);
}
