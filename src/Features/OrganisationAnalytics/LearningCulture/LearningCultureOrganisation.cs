namespace Analytics.Api.Features.OrganisationAnalytics.LearningCulture;

/// <summary>A row of LearningCulture.Benchmark.sql: the maturity inputs of one other organisation with at least its k learners.</summary>
public sealed record LearningCultureOrganisation(
    string OrganisationId,
    int Employees,
    int MinGroupSize,
    int Enrolled,
    int EnrolledVoluntary,
    int Completed,
    int CompletedVoluntary,
    int Contributions30,
    bool ContributionsSupplied,
    int MentoredEmployees,
    bool MentoringSupplied);
