using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Reports.ListReports;

public sealed class ListReportsValidator : AbstractValidator<ListReportsQuery>
{
    private static readonly string[] Sorts = ["-createdAt", "createdAt", "title"];

    public ListReportsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null).WithMessage("must be at least 1");
        RuleFor(q => q.Limit).InclusiveBetween(1, 100).When(q => q.Limit is not null).WithMessage("must be between 1 and 100");
        RuleFor(q => q.Status).Must(s => ReportStatuses.All.Contains(s)).When(q => q.Status is not null)
            .WithMessage("must be one of queued, running, completed, failed");
        RuleFor(q => q.Type).Must(t => ReportRequestRules.Type(t) is not null).When(q => q.Type is not null)
            .WithMessage("must be one of learner, trainer, organisation");
        RuleFor(q => q.Format).Must(f => ReportFormats.Canonical(f) is not null).When(q => q.Format is not null)
            .WithMessage("must be one of pdf, csv, xlsx, json");
        RuleFor(q => q.SubjectId).MustBeId().When(q => q.SubjectId is not null);
        RuleFor(q => q.Sort).Must(s => Sorts.Contains(s)).When(q => q.Sort is not null).WithMessage("must be one of -createdAt, createdAt, title");
    }
}
