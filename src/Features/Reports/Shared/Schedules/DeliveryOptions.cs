namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>
/// `Reports:Delivery:*`: which channels this server offers (both off by default), the SMTP account, the webhook host allow-list
/// and retry timing, and the public base URL that turns a signed download path into a link.
/// </summary>
public sealed record DeliveryOptions(
    bool EmailEnabled,
    string? SmtpHost,
    int SmtpPort,
    string? SmtpFrom,
    string? SmtpUserName,
    string? SmtpPassword,
    bool SmtpUseTls,
    bool WebhookEnabled,
    IReadOnlyList<string> WebhookAllowedHosts,
    bool WebhookAllowHttp,
    double WebhookTimeoutSeconds,
    double WebhookRetryBaseDelaySeconds,
    string? PublicBaseUrl)
{
    /// <summary>Files up to this size are attached to the e-mail; larger ones are sent as a signed link.</summary>
    public const long MaxAttachmentBytes = 5 * 1024 * 1024;

    public static DeliveryOptions From(IConfiguration configuration)
    {
        var email = configuration.GetSection("Reports:Delivery:Email");
        var webhook = configuration.GetSection("Reports:Delivery:Webhook");
        return new DeliveryOptions(
            email.GetValue("Enabled", false),
            email["Host"],
            email.GetValue("Port", 587),
            email["From"],
            email["UserName"],
            email["Password"],
            email.GetValue("UseTls", true),
            webhook.GetValue("Enabled", false),
            webhook.GetSection("AllowedHosts").Get<string[]>() ?? [],
            webhook.GetValue("AllowHttp", false),
            webhook.GetValue("TimeoutSeconds", 10.0),
            webhook.GetValue("RetryBaseDelaySeconds", 2.0),
            configuration["Reports:Delivery:PublicBaseUrl"]);
    }

    public bool IsEnabled(string channel) => channel switch
    {
        ScheduleChannels.Email => EmailEnabled,
        ScheduleChannels.Webhook => WebhookEnabled,
        _ => true,
    };

    /// <summary>`https` (plain http only where `AllowHttp` is set, for local runs and tests) to a host on the allow-list; `*.x` matches one level.</summary>
    public bool IsAllowedWebhook(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (WebhookAllowHttp && uri.Scheme == Uri.UriSchemeHttp))
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var host = uri.Host.ToLowerInvariant();
        return WebhookAllowedHosts.Select(h => h.Trim().ToLowerInvariant()).Any(allowed =>
            allowed == host
            || (allowed.StartsWith("*.", StringComparison.Ordinal)
                && host.EndsWith(allowed[1..], StringComparison.Ordinal)
                && !host[..^(allowed.Length - 1)].Contains('.', StringComparison.Ordinal)));
    }
}
