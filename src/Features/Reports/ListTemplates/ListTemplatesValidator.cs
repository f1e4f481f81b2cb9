using Analytics.Api.Features.Reports.Shared;
using FluentValidation;

namespace Analytics.Api.Features.Reports.ListTemplates;

public sealed class ListTemplatesValidator : AbstractValidator<ListTemplatesQuery>
{
    public ListTemplatesValidator() =>
        RuleFor(q => q.Type).Must(t => ReportRequestRules.Type(t) is not null).When(q => q.Type is not null)
            .WithMessage("must be one of learner, trainer, organisation");
}
