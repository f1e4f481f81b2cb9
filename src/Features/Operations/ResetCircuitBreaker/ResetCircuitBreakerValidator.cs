using FluentValidation;

namespace Analytics.Api.Features.Operations.ResetCircuitBreaker;

/// <summary>A name of at most 64 characters; one that is not an upstream of API.md §4.9 is 404 UPSTREAM_NOT_FOUND in the handler.</summary>
public sealed class ResetCircuitBreakerValidator : AbstractValidator<ResetCircuitBreakerCommand>
{
    public ResetCircuitBreakerValidator() => RuleFor(c => c.Upstream).NotEmpty().MaximumLength(64);
}
