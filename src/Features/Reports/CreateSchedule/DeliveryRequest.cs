namespace Analytics.Api.Features.Reports.CreateSchedule;

/// <summary>`delivery {channel, recipients[], webhookUrl}` of a schedule body.</summary>
public sealed record DeliveryRequest(string? Channel, IReadOnlyList<string?>? Recipients, string? WebhookUrl);
