namespace Analytics.Api.Shared.Scheduling;

/// <summary>One (subject, analytic) a recalculation could not compute: a row of `analytics.batch_failures`.</summary>
public sealed record BatchFailure(string SubjectType, string SubjectId, string Role, string Analytic, string Error);
