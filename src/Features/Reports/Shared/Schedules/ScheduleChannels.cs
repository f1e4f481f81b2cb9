namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>`delivery.channel` of a schedule (API.md §4.7).</summary>
public static class ScheduleChannels
{
    public const string Store = "store";
    public const string Email = "email";
    public const string Webhook = "webhook";

    public static readonly IReadOnlyList<string> All = [Store, Email, Webhook];
}
