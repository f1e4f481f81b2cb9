namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>One of `insights[]`: `type` success|warning, a sentence, and its `impact` (high|medium|low).</summary>
public sealed record DepartmentAnalyticsInsight(string Type, string Message, string Impact);
