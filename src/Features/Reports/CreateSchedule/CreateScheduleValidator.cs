using System.Net.Mail;
using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Features.Reports.Shared.Schedules;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Reports.CreateSchedule;

public sealed class CreateScheduleValidator : AbstractValidator<CreateScheduleCommand>
{
    private const int MaxRecipients = 10;

    public CreateScheduleValidator(DeliveryOptions delivery)
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("is required").MaximumLength(80).WithMessage("must be at most 80 characters").MustBePlainText();
        Include(new ReportContentValidator());
        RuleFor(c => c.Cron).NotEmpty().WithMessage("is required")
            .Must(c => ScheduleCron.TryParse(c, out _)).When(c => !string.IsNullOrEmpty(c.Cron), ApplyConditionTo.CurrentValidator)
            .WithMessage("must be a 5-field cron (minute hour day-of-month month day-of-week) or @daily, @weekly, @monthly")
            .Must(c => ScheduleCron.TryParse(c, out var cron) && cron!.RunsPerDay <= ScheduleCron.MaxRunsPerDay)
            .When(c => ScheduleCron.TryParse(c.Cron, out _), ApplyConditionTo.CurrentValidator)
            .WithMessage($"fires more than {ScheduleCron.MaxRunsPerDay} times a day");
        RuleFor(c => c.TimeZone).Must(ReportRequestRules.IsTimeZone).WithMessage("must be an IANA time zone name");
        RuleFor(c => c.Period).Must(p => p is null || SchedulePeriods.All.Contains(p))
            .WithMessage("must be one of " + string.Join(", ", SchedulePeriods.All));
        RuleFor(c => c.Channel)
            .Must(c => c is null || ScheduleChannels.All.Contains(c)).WithMessage("must be one of store, email, webhook")
            .Must(c => c is null || !ScheduleChannels.All.Contains(c) || delivery.IsEnabled(c)).WithMessage("is not enabled on this server")
            .OverridePropertyName("delivery.channel");
        RuleFor(c => c.Recipients)
            .Null().When(c => c.Channel != ScheduleChannels.Email).WithMessage("is for the email channel only")
            .Must(r => r is null || r.Count is >= 1 and <= MaxRecipients).When(c => c.Channel == ScheduleChannels.Email)
            .WithMessage($"must hold 1 to {MaxRecipients} addresses")
            .Must(r => r is null || r.All(IsAddress)).When(c => c.Channel == ScheduleChannels.Email)
            .WithMessage("must hold e-mail addresses")
            .OverridePropertyName("delivery.recipients");
        RuleFor(c => c.WebhookUrl)
            .Null().When(c => c.Channel != ScheduleChannels.Webhook).WithMessage("is for the webhook channel only")
            .Must(delivery.IsAllowedWebhook).When(c => c.Channel == ScheduleChannels.Webhook)
            .WithMessage("must be an https URL on a host in Reports:Delivery:Webhook:AllowedHosts")
            .OverridePropertyName("delivery.webhookUrl");
    }

    private static bool IsAddress(string? value) => value is not null && MailAddress.TryCreate(value, out var address) && address.Address == value.Trim();
}
