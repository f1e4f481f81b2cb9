namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>`metrics.knowledgeSharing` (ANALYTICS.md §3.3): score = KSIn (pct), then head-counts.</summary>
public sealed record CultureKnowledgeSharing(double? Score, int? MentorshipPrograms, int? ActiveMentors, int? KnowledgeBaseSessions);
