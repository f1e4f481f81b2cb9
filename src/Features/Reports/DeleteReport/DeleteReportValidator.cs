using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Reports.DeleteReport;

public sealed class DeleteReportValidator : AbstractValidator<DeleteReportCommand>
{
    public DeleteReportValidator() => RuleFor(c => c.ReportId).MustBeId().OverridePropertyName("reportId");
}
