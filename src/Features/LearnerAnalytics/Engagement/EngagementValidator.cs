using System.Globalization;
using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.LearnerAnalytics.Engagement;

public sealed class EngagementValidator : AbstractValidator<EngagementQuery>
{
    public EngagementValidator()
    {
        RuleFor(q => q.UserId).MustBeId();
        RuleFor(q => q.WindowDays)
            .Must(BeAWindow)
            .WithMessage($"must be an integer between {EngagementQuery.MinWindowDays} and {EngagementQuery.MaxWindowDays}");
    }

    private static bool BeAWindow(string? value) =>
        string.IsNullOrEmpty(value)
        || (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            && days is >= EngagementQuery.MinWindowDays and <= EngagementQuery.MaxWindowDays);
}
