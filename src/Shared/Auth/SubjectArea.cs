namespace Analytics.Api.Shared.Auth;

/// <summary>Endpoint groups of the access matrix (API.md §3.3) whose path carries a subject id.</summary>
public enum SubjectArea
{
    LearnerAnalytics,
    TrainerAnalytics,
    OrganisationAnalytics,
}
