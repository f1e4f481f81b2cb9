using FluentValidation;

namespace Analytics.Api.Features.Operations.ListJobs;

public sealed class ListJobsValidator : AbstractValidator<ListJobsQuery>
{
    public ListJobsValidator()
    {
        RuleFor(q => q.Type)
            .Must(type => ListJobsQuery.List(type)?.All(ListJobsQuery.Types.Contains) ?? true)
            .WithMessage("must be one or more of " + string.Join(", ", ListJobsQuery.Types) + " (comma-separated)");
        RuleFor(q => q.Status)
            .Must(status => ListJobsQuery.List(status)?.All(ListJobsQuery.Statuses.Contains) ?? true)
            .WithMessage("must be one or more of " + string.Join(", ", ListJobsQuery.Statuses) + " (comma-separated)");
        RuleFor(q => q.Page)
            .Must(page => page is null || (int.TryParse(page, out var value) && value is >= 1 and <= 10_000))
            .WithMessage("must be an integer between 1 and 10000");
        RuleFor(q => q.Limit)
            .Must(limit => limit is null || (int.TryParse(limit, out var value) && value is >= 1 and <= 100))
            .WithMessage("must be an integer between 1 and 100");
        RuleFor(q => q.Sort)
            .Must(sort => sort is null or "-createdAt" or "createdAt")
            .WithMessage("must be -createdAt or createdAt");
    }
}
