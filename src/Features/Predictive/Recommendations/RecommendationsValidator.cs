using System.Globalization;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Predictive.Recommendations;

public sealed class RecommendationsValidator : AbstractValidator<RecommendationsQuery>
{
    public RecommendationsValidator()
    {
        RuleFor(q => q.Id).MustBeId();
        RuleFor(q => q.Limit)
            .Must(l => l is null
                       || (int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= RecommendationsQuery.MaxLimit))
            .WithMessage($"must be an integer between 1 and {RecommendationsQuery.MaxLimit}");
    }
}
