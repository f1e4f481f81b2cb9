using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Reports.GenerateReport;

public sealed class GenerateReportValidator : AbstractValidator<GenerateReportCommand>
{
    public GenerateReportValidator()
    {
        Include(new ReportContentValidator());
        RuleFor(c => c.From).Must(ReportRequestRules.IsDate).WithMessage("must be a date (YYYY-MM-DD)");
        RuleFor(c => c.To).Must(ReportRequestRules.IsDate).WithMessage("must be a date (YYYY-MM-DD)");
        RuleFor(c => c.To)
            .Must((c, to) => ReportRequestRules.Date(c.From) <= ReportRequestRules.Date(to))
            .When(c => ReportRequestRules.Date(c.From) is not null && ReportRequestRules.Date(c.To) is not null)
            .WithMessage("must not be before from");
        RuleFor(c => c.To)
            .Must((c, to) => ReportRequestRules.Date(to)!.Value.DayNumber - ReportRequestRules.Date(c.From)!.Value.DayNumber <= ReportRequestRules.MaxSpanDays)
            .When(c => ReportRequestRules.Date(c.From) is not null && ReportRequestRules.Date(c.To) is not null)
            .WithMessage($"from and to may span at most {ReportRequestRules.MaxSpanDays} days");
        RuleFor(c => c.Title).MaximumLength(120).WithMessage("must be at most 120 characters").MustBePlainText();
        RuleFor(c => c.TimeZone).Must(ReportRequestRules.IsTimeZone).WithMessage("must be an IANA time zone name");
    }
}
