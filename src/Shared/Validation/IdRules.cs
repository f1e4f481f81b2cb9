using System.Text.RegularExpressions;
using FluentValidation;

namespace Analytics.Api.Shared.Validation;

/// <summary>The id rule of API.md §1.1: `^[A-Za-z0-9_-]{1,64}$`, checked before any lookup.</summary>
public static partial class IdRules
{
    public const string Message = "must match ^[A-Za-z0-9_-]{1,64}$";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static IRuleBuilderOptions<T, string?> MustBeId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsValid).WithMessage(Message);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Pattern();
}
