using FluentValidation;

namespace Analytics.Api.Shared.Validation;

/// <summary>
/// Free text that reaches the store or a cache key: PostgreSQL text cannot hold NUL (the statement fails with 22021), cache keys
/// refuse control characters, and no parameter of API.md has a use for them, so they are a 400 before any lookup.
/// </summary>
public static class TextRules
{
    public const string Message = "must not contain control characters";

    public static bool IsPlain(string? text) => text is null || !text.Any(char.IsControl);

    public static IRuleBuilderOptions<T, string?> MustBePlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsPlain).WithMessage(Message);
}
