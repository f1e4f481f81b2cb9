namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`culturalIndicators` (ANALYTICS.md §3.3): two proxies; managerSupport and recognitionPrograms have no source.</summary>
public sealed record CulturalIndicators(
    double? ManagerSupport, double? LearningTimeAllocation, double? RecognitionPrograms, int? CareerDevelopmentOpportunities);
