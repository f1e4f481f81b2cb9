using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Reports.GetReport;

public sealed class GetReportValidator : AbstractValidator<GetReportQuery>
{
    public GetReportValidator() => RuleFor(q => q.ReportId).MustBeId().OverridePropertyName("reportId");
}
