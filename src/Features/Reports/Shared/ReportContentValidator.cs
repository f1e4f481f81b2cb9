using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Reports.Shared;

/// <summary>The rules of a report's content, shared by generate and schedule creation (included by both validators).</summary>
public sealed class ReportContentValidator : AbstractValidator<IReportContent>
{
    public ReportContentValidator()
    {
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
    }
}
