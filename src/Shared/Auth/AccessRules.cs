namespace Analytics.Api.Shared.Auth;

/// <summary>
/// The access matrix of API.md §3.3, in one table: area → active role → scope. A role missing from an area may not use
/// it at all (ROLE_NOT_PERMITTED); every role and subject check reads the registered instance (a singleton holding
/// <see cref="Table"/>) and nothing else, so a test host can register a copy with one rule removed or widened.
/// </summary>
public sealed class AccessRules(IReadOnlyDictionary<SubjectArea, IReadOnlyDictionary<string, SubjectScope>> rules)
{
    /// <summary>The production table: the single source of truth of who may read what.</summary>
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

    public static AccessRules Production { get; } = new(Table);

    public IReadOnlyDictionary<SubjectArea, IReadOnlyDictionary<string, SubjectScope>> Rules => rules;

    public IReadOnlyList<string> AllowedRoles(SubjectArea area) =>
        rules.TryGetValue(area, out var scopes) ? Roles.Ordered.Where(scopes.ContainsKey).ToArray() : [];

    public SubjectScope? ScopeOf(SubjectArea area, string activeRole) =>
        rules.TryGetValue(area, out var scopes) && scopes.TryGetValue(activeRole, out var scope) ? scope : null;
}
