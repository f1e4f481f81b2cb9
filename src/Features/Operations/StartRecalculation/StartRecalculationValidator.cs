using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Operations.StartRecalculation;

/// <summary>An organisation id of the id rule; 1–25 analytics, each an id of API.md §4.0 that has a stored view.</summary>
public sealed class StartRecalculationValidator : AbstractValidator<StartRecalculationCommand>
{
    public StartRecalculationValidator(SnapshotAnalytics stored)
    {
        var ids = stored.All.Select(a => a.Analytic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        RuleFor(c => c.OrganisationId).MustBeId().When(c => c.OrganisationId is not null);
        RuleFor(c => c.Analytics!.Count)
            .InclusiveBetween(1, StartRecalculationCommand.MaxAnalytics)
            .OverridePropertyName("analytics")
            .WithMessage($"must hold 1 to {StartRecalculationCommand.MaxAnalytics} analytic ids")
            .When(c => c.Analytics is not null);
        RuleForEach(c => c.Analytics)
            .Must(id => StartRecalculationCommand.Canonical(id) is { } canonical && ids.Contains(canonical))
            .WithMessage("must be an analytic with a stored view: " + string.Join(", ", ids))
            .When(c => c.Analytics is not null);
    }
}
