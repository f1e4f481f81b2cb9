namespace Analytics.Tests.Security;

/// <summary>The rows of API.md §3.3 whose endpoints take a subject id.</summary>
public enum EndpointGroup
{
    /// <summary>`/learner/analytics/*/{userId}` and gamification stats / achievements / streak: L self · T students · O members.</summary>
    LearnerAnalytics,

    /// <summary>`/trainer/analytics/*/{trainerId}` and the compatibility paths: T self · O org trainers.</summary>
    TrainerAnalytics,

    /// <summary>`/org-admin/analytics/*/{orgId}`: O own organisation.</summary>
    OrganisationAnalytics,

    /// <summary>Peer comparison, drop-off risk, forecast, recommendations `/{id}`: L self · T self (cohort), students · O own org (cohort), members.</summary>
    PersonOrCohort,

    /// <summary>`/predictive/at-risk/{id}`: T own id · O own organisation id.</summary>
    AtRisk,

    /// <summary>Privacy export and erasure: self (any role) · O members · PA any user (404 for unknown ids).</summary>
    PrivacyExportOrErasure,

    /// <summary>Privacy preferences: self under L, T, O; PA may not use them.</summary>
    PrivacyPreferences,
}
