using System.Globalization;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Gamification.Leaderboard;

/// <summary>The parameters of API.md §4.5 and §7: enums, courseId required with scope=course, limit 10–100, page 1–10,000.</summary>
public sealed class LeaderboardValidator : AbstractValidator<LeaderboardQuery>
{
    private static readonly string[] Timeframes = ["week", "month", "year", "all"];
    private static readonly string[] Categories = ["points", "streaks", "achievements"];
    private static readonly string[] Scopes = ["organisation", "course", "platform"];

    public LeaderboardValidator()
    {
        RuleFor(q => q.Timeframe).Must(v => v is null || Timeframes.Contains(v)).WithMessage("must be one of week, month, year, all");
        RuleFor(q => q.Category).Must(v => v is null || Categories.Contains(v)).WithMessage("must be one of points, streaks, achievements");
        RuleFor(q => q.Scope).Must(v => v is null || Scopes.Contains(v)).WithMessage("must be one of organisation, course, platform");
        RuleFor(q => q.CourseId).NotEmpty().When(q => q.Scope == "course").WithMessage("is required when scope is course");
        RuleFor(q => q.CourseId).MustBeId().When(q => !string.IsNullOrEmpty(q.CourseId));
        RuleFor(q => q.Limit).Must(v => v is null || (IsInt(v, out var n) && n is >= 10 and <= 100)).WithMessage("must be between 10 and 100");
        RuleFor(q => q.Page).Must(v => v is null || (IsInt(v, out var n) && n is >= 1 and <= 10_000)).WithMessage("must be between 1 and 10000");
    }

    private static bool IsInt(string value, out int number) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number);
}
