namespace Analytics.Api.Shared.Auth;

/// <summary>Endpoint groups of the access matrix (API.md §3.3) whose path carries a subject id.</summary>
public enum SubjectArea
{
    LearnerAnalytics,
    TrainerAnalytics,
    OrganisationAnalytics,

    /// <summary>
    /// Peer comparison, drop-off risk, forecast and recommendations `/{id}`: a person, or the caller's own cohort (API.md §3.2;
    /// <see cref="CohortSubjects"/>).
    /// </summary>
    PersonOrCohort,

    /// <summary>Privacy export and erasure `/privacy/users/{userId}` (API.md §4.8).</summary>
    PrivacyRequests,

    /// <summary>Privacy preferences `/privacy/users/{userId}/preferences`: the caller's own only.</summary>
    PrivacyPreferences,
}
