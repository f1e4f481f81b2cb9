using System.Text.Json;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Validation;
using FluentValidation;

namespace Analytics.Api.Features.Refresh.RequestRefresh;

public sealed class RequestRefreshValidator : AbstractValidator<RequestRefreshCommand>
{
    private const int MaxAnalytics = 25;

    public RequestRefreshValidator()
    {
        RuleFor(c => c.SubjectId).NotEmpty().OverridePropertyName("userId").WithMessage("is required (alias user_id or subjectId)");
        RuleFor(c => c.SubjectId!).MustBeId().OverridePropertyName("userId").When(c => !string.IsNullOrEmpty(c.SubjectId));
        RuleFor(c => c.Role)
            .Must(role => Roles.Normalise(role) is Roles.Learner or Roles.Trainer or Roles.OrgAdmin)
            .When(c => c.Role is not null)
            .OverridePropertyName("role").WithMessage("must be one of learner, trainer, org-admin");
        RuleFor(c => c.Family)
            .Must(family => family is Roles.Learner or Roles.Trainer or Roles.OrgAdmin)
            .When(c => c.Role is null && c.AnalyticsRole is null)
            .OverridePropertyName("role").WithMessage("is required when the active role has no analytics family (learner, trainer, org-admin)");
        RuleFor(c => c.Analytics)
            .Must(a => a is null or { ValueKind: JsonValueKind.Null or JsonValueKind.Array }
                       || (a is { ValueKind: JsonValueKind.String } && Roles.Normalise(a.Value.GetString()) is Roles.Learner or Roles.Trainer or Roles.OrgAdmin))
            .OverridePropertyName("analytics").WithMessage("must be an array of analytic ids or a role name");
        RuleFor(c => c.RequestedIds!.Count)
            .InclusiveBetween(1, MaxAnalytics)
            .When(c => c.RequestedIds is not null)
            .OverridePropertyName("analytics").WithMessage($"must hold 1 to {MaxAnalytics} ids");
        RuleForEach(c => c.RequestedIds)
            .Must((command, id) => id is not null && command.Family is { } family && RoleFamilies.Canonical(family, id) is not null)
            .When(c => c.RequestedIds is { Count: <= MaxAnalytics })
            .OverridePropertyName("analytics")
            .WithMessage((command, id) => $"'{id}' is not an analytic of the {command.Family} family (API.md §4.0)");
    }
}
