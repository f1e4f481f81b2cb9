namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`metrics.innovationMetrics` (ANALYTICS.md §3.3): the store holds no ideas data, so every field is null and in `notAvailable`.</summary>
public sealed record CultureInnovationMetrics(double? Score, int? NewIdeasSubmitted, int? IdeasImplemented, int? InnovationProjects);
