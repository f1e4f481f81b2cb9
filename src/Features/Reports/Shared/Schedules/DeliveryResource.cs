namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>`delivery {channel, recipients[], webhookUrl}` of a schedule object (API.md §4.7).</summary>
public sealed record DeliveryResource(string Channel, IReadOnlyList<string>? Recipients, string? WebhookUrl);
