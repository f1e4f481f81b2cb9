using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>Sends a scheduled report by e-mail through MailKit SMTP (`Reports:Delivery:Email:*`): the file attached, or a link.</summary>
public sealed class ReportMailer(DeliveryOptions options)
{
    private const int TimeoutMilliseconds = 30_000;

    public async Task SendAsync(
        IReadOnlyList<string> recipients, string subject, string text, ReportFile? attachment, CancellationToken cancellationToken)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(options.SmtpFrom ?? throw new InvalidOperationException("Reports:Delivery:Email:From is not set.")));
        foreach (var recipient in recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        var body = new BodyBuilder { TextBody = text };
        if (attachment is not null)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        using var smtp = new SmtpClient { Timeout = TimeoutMilliseconds };
        await smtp.ConnectAsync(
            options.SmtpHost ?? throw new InvalidOperationException("Reports:Delivery:Email:Host is not set."),
            options.SmtpPort,
            options.SmtpUseTls ? SecureSocketOptions.Auto : SecureSocketOptions.None,
            cancellationToken);
        if (!string.IsNullOrEmpty(options.SmtpUserName))
        {
            await smtp.AuthenticateAsync(options.SmtpUserName, options.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(true, cancellationToken);
    }
}
