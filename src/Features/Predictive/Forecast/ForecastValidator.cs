using System.Globalization;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>API.md §4.4: `courseId` an id; scenario inputs `weeklyStudyHours` 0–80 and `breakWeeks` 0–12.</summary>
public sealed class ForecastValidator : AbstractValidator<ForecastQuery>
{
    public ForecastValidator()
    {
        RuleFor(q => q.Id).MustBeId();
        RuleFor(q => q.CourseId).MustBeId().When(q => q.CourseId is not null);
        RuleFor(q => q.WeeklyStudyHours)
            .Must(h => h is null || Number(h) is >= 0 and <= 80)
            .WithMessage("must be a number from 0 to 80");
        RuleFor(q => q.BreakWeeks)
            .Must(b => b is null || (int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) && weeks is >= 0 and <= 12))
            .WithMessage("must be an integer from 0 to 12");
    }

    private static double? Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
}
