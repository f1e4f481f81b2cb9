namespace Analytics.Api.Shared.Auth;

/// <summary>
/// The access matrix of API.md §3.3, in one table: area → active role → scope. A role missing from an area may not use
/// it at all (ROLE_NOT_PERMITTED); every subject check reads this table and nothing else.
/// </summary>
public static class AccessRules
{
    public static readonly IReadOnlyDictionary<SubjectArea, IReadOnlyDictionary<string, SubjectScope>> Table =
        new Dictionary<SubjectArea, IReadOnlyDictionary<string, SubjectScope>>
        {
            [SubjectArea.LearnerAnalytics] = new Dictionary<string, SubjectScope>
            {
                [Roles.Learner] = SubjectScope.Self,
                [Roles.Trainer] = SubjectScope.Students,
                [Roles.OrgAdmin] = SubjectScope.Members,
            },
            [SubjectArea.TrainerAnalytics] = new Dictionary<string, SubjectScope>
            {
                [Roles.Trainer] = SubjectScope.Self,
                [Roles.OrgAdmin] = SubjectScope.OrganisationTrainers,
            },
            [SubjectArea.OrganisationAnalytics] = new Dictionary<string, SubjectScope>
            {
                [Roles.OrgAdmin] = SubjectScope.OwnOrganisation,
            },
            [SubjectArea.PersonOrCohort] = new Dictionary<string, SubjectScope>
            {
                [Roles.Learner] = SubjectScope.Self,
                [Roles.Trainer] = SubjectScope.SelfOrStudents,
                [Roles.OrgAdmin] = SubjectScope.OwnOrganisationOrMembers,
            },
            [SubjectArea.PrivacyRequests] = new Dictionary<string, SubjectScope>
            {
                [Roles.Learner] = SubjectScope.Self,
                [Roles.Trainer] = SubjectScope.Self,
                [Roles.OrgAdmin] = SubjectScope.Members,
                [Roles.PlatformAdmin] = SubjectScope.AnyUser,
            },
            [SubjectArea.PrivacyPreferences] = new Dictionary<string, SubjectScope>
            {
                [Roles.Learner] = SubjectScope.Self,
                [Roles.Trainer] = SubjectScope.Self,
                [Roles.OrgAdmin] = SubjectScope.Self,
            },
        };

    public static IReadOnlyList<string> AllowedRoles(SubjectArea area) =>
        Roles.Ordered.Where(Table[area].ContainsKey).ToArray();

    public static SubjectScope? ScopeOf(SubjectArea area, string activeRole) =>
        Table[area].TryGetValue(activeRole, out var scope) ? scope : null;
}
