using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

public sealed class ContentEffectivenessValidator : AbstractValidator<ContentEffectivenessQuery>
{
    public ContentEffectivenessValidator()
    {
        RuleFor(q => q.UserId).MustBeId();
        RuleFor(q => q.CourseId).MustBeId().When(q => !string.IsNullOrEmpty(q.CourseId));
        RuleFor(q => q.ContentType)
            .Must(t => string.IsNullOrEmpty(t) || ContentEffectivenessQuery.ContentTypes.Contains(t))
            .WithMessage("must be one of " + string.Join(", ", ContentEffectivenessQuery.ContentTypes));
        RuleFor(q => q.CreationMethod)
            .Must(m => string.IsNullOrEmpty(m) || ContentEffectivenessQuery.CreationMethods.Contains(m))
            .WithMessage("must be one of " + string.Join(", ", ContentEffectivenessQuery.CreationMethods));
        RuleFor(q => q.From)
            .Must(d => string.IsNullOrEmpty(d) || ContentEffectivenessQuery.ParseDate(d) is not null)
            .WithMessage("must be a date YYYY-MM-DD");
        RuleFor(q => q.To)
            .Must(d => string.IsNullOrEmpty(d) || ContentEffectivenessQuery.ParseDate(d) is not null)
            .WithMessage("must be a date YYYY-MM-DD");
        RuleFor(q => q.From)
            .Must((q, _) => q.FromDate <= q.ToDate)
            .When(q => q.FromDate is not null && q.ToDate is not null)
            .WithMessage("must not be after to");
        RuleFor(q => q.To)
            .Must((q, _) => q.ToDate!.Value.DayNumber - q.FromDate!.Value.DayNumber + 1 <= ContentEffectivenessQuery.MaxPeriodDays)
            .When(q => q.FromDate is not null && q.ToDate is not null && q.FromDate <= q.ToDate)
            .WithMessage($"the period from..to must span at most {ContentEffectivenessQuery.MaxPeriodDays} days");
    }
}
