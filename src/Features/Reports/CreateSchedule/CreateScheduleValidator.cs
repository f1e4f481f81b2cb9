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
        RuleFor(c => c.Name).NotEmpty().WithMessage("is required").MaximumLength(80).WithMessage("must be at most 80 characters");
        RuleFor(c => c.Type).NotEmpty().WithMessage("is required")
            .Must(t => ReportRequestRules.Type(t) is not null).When(c => !string.IsNullOrEmpty(c.Type), ApplyConditionTo.CurrentValidator)
            .WithMessage("must be one of learner, trainer, organisation");
        RuleFor(c => c.Format).NotEmpty().WithMessage("is required")
            .Must(f => ReportFormats.Canonical(f) is not null).When(c => !string.IsNullOrEmpty(c.Format), ApplyConditionTo.CurrentValidator)
            .WithMessage("must be one of pdf, csv, xlsx, json");
        RuleFor(c => c.SubjectId).MustBeId().When(c => c.SubjectId is not null).OverridePropertyName("userId");
        RuleFor(c => c.TemplateId)
            .Must((c, id) => ReportRequestRules.TemplateFits(id, c.Type))
            .WithMessage("must be a template of the report's type (GET /reports/templates)");
        RuleFor(c => c.Analytics!.Count)
            .InclusiveBetween(1, ReportRequestRules.MaxAnalytics).When(c => c.Analytics is not null)
            .OverridePropertyName("analytics").WithMessage($"must hold 1 to {ReportRequestRules.MaxAnalytics} ids");
        RuleForEach(c => c.Analytics)
            .Must((c, id) => ReportRequestRules.AnalyticFits(c.Type, id))
            .When(c => c.Analytics is { Count: <= ReportRequestRules.MaxAnalytics } && ReportRequestRules.Type(c.Type) is not null)
            .OverridePropertyName("analytics").WithMessage((c, id) => $"'{id}' is not an analytic of a {c.Type} report (API.md §4.0)");
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
