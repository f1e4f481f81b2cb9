using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Reports.DownloadReport;

public sealed class DownloadReportValidator : AbstractValidator<DownloadReportQuery>
{
    public DownloadReportValidator() => RuleFor(q => q.ReportId).MustBeId().OverridePropertyName("reportId");
}
