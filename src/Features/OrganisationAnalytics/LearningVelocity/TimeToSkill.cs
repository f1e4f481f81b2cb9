namespace Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>The median days from enrolment to skill acquisition and the people behind it; both null below k.</summary>
public sealed record TimeToSkill(int? People, double? MedianDays);
