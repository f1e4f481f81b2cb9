namespace Analytics.Api.Shared.Auth;

/// <summary>
/// What `{id}` means on the person-or-cohort endpoints (peer comparison, drop-off risk, forecast, recommendations; API.md §3.2,
/// ANALYTICS.md §0.6): a trainer's own id is their `trainer-cohort`, an org-admin's own organisation id is the `org-cohort`,
/// any other id a `learner`. The own-id and own-organisation matches come first; whether the caller may read the subject at
/// all is the access policy's decision (<see cref="SubjectArea.PersonOrCohort"/>).
/// </summary>
public static class CohortSubjects
{
    public const string Learner = "learner";
    public const string TrainerCohort = "trainer-cohort";
    public const string OrganisationCohort = "org-cohort";

    public static string Resolve(CurrentUser caller, string id) => caller.ActiveRole switch
    {
        Roles.Trainer when id == caller.UserId => TrainerCohort,
        Roles.OrgAdmin when id == caller.OrganisationId => OrganisationCohort,
        _ => Learner,
    };
}
