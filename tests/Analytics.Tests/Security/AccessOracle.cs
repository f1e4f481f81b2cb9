using System.Text.RegularExpressions;

namespace Analytics.Tests.Security;

/// <summary>
/// The access matrix of API.md §3.3 and the 403-versus-404 rules of §3.4, written out here independently of the service's
/// AccessRules table, so removing or widening a rule there makes the matrix disagree with this oracle.
/// </summary>
public static partial class AccessOracle
{
    private const string Learner = "learner";
    private const string Trainer = "trainer";
    private const string OrgAdmin = "org-admin";
    private const string PlatformAdmin = "platform-admin";

    /// <summary>Route parameters that name an owned resource or a filter, not a subject (API.md §3.4 last row, §4.9).</summary>
    public static readonly IReadOnlySet<string> NonSubjectParameters =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "jobId", "reportId", "scheduleId", "modelId", "courseId", "upstream" };

    private static readonly (string Method, Regex Pattern, EndpointGroup Group, string SubjectParameter)[] Routes =
    [
        ("GET", LearnerRoute(), EndpointGroup.LearnerAnalytics, "userId"),
        ("GET", GamificationRoute(), EndpointGroup.LearnerAnalytics, "userId"),
        ("GET", TrainerRoute(), EndpointGroup.TrainerAnalytics, "trainerId"),
        ("GET", TrainerCompatibilityRoute(), EndpointGroup.TrainerAnalytics, "trainerId"),
        ("GET", OrganisationRoute(), EndpointGroup.OrganisationAnalytics, "orgId"),
        ("GET", PersonOrCohortRoute(), EndpointGroup.PersonOrCohort, "id"),
        ("GET", AtRiskRoute(), EndpointGroup.AtRisk, "id"),
        ("GET", PrivacyExportRoute(), EndpointGroup.PrivacyExportOrErasure, "userId"),
        ("DELETE", PrivacyErasureRoute(), EndpointGroup.PrivacyExportOrErasure, "userId"),
        ("GET", PrivacyPreferencesRoute(), EndpointGroup.PrivacyPreferences, "userId"),
        ("PUT", PrivacyPreferencesRoute(), EndpointGroup.PrivacyPreferences, "userId"),
    ];

    /// <summary>The group of a route with a subject parameter, or null when the oracle does not know it (the test then fails).</summary>
    public static EndpointGroup? GroupOf(string method, string pattern, string subjectParameter) =>
        Routes.Where(r => r.Method == method && r.SubjectParameter == subjectParameter && r.Pattern.IsMatch(pattern))
            .Select(r => (EndpointGroup?)r.Group)
            .FirstOrDefault();

    /// <summary>Roles that may use a group at all (a missing role is 403 ROLE_NOT_PERMITTED).</summary>
    public static IReadOnlyList<string> RolesOf(EndpointGroup group) => group switch
    {
        EndpointGroup.LearnerAnalytics or EndpointGroup.PersonOrCohort or EndpointGroup.PrivacyPreferences => [Learner, Trainer, OrgAdmin],
        EndpointGroup.TrainerAnalytics or EndpointGroup.AtRisk => [Trainer, OrgAdmin],
        EndpointGroup.OrganisationAnalytics => [OrgAdmin],
        EndpointGroup.PrivacyExportOrErasure => [Learner, Trainer, OrgAdmin, PlatformAdmin],
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    /// <summary>The answer API.md §3.3–§3.4 require for a caller reading a subject of a group.</summary>
    public static AccessExpectation Expect(EndpointGroup group, AccessCaller caller, string subject, AccessWorld world)
    {
        if (caller.IsAnonymous)
        {
            return AccessExpectation.MissingToken;
        }

        var role = caller.ActiveRole;
        if (!RolesOf(group).Contains(role))
        {
            return AccessExpectation.RoleNotPermitted;
        }

        var self = subject == caller.UserId;
        var ownOrganisation = subject == caller.OrganisationId;
        var member = world.IsUser(subject) && world.OrganisationOf(subject) == caller.OrganisationId;
        var student = world.Students.Contains((caller.UserId!, subject));
        var inScope = (group, role) switch
        {
            (EndpointGroup.LearnerAnalytics, Learner) => self,
            (EndpointGroup.LearnerAnalytics, Trainer) => student,
            (EndpointGroup.LearnerAnalytics, OrgAdmin) => member,
            (EndpointGroup.TrainerAnalytics, Trainer) => self,
            (EndpointGroup.TrainerAnalytics, OrgAdmin) => (member && world.HoldsRole(subject, Trainer))
                                                         || world.TeachesFor.Contains((subject, caller.OrganisationId!)),
            (EndpointGroup.OrganisationAnalytics, OrgAdmin) => ownOrganisation,
            (EndpointGroup.PersonOrCohort, Learner) => self,
            (EndpointGroup.PersonOrCohort, Trainer) => self || student,
            (EndpointGroup.PersonOrCohort, OrgAdmin) => ownOrganisation || member,
            (EndpointGroup.AtRisk, Trainer) => self,
            (EndpointGroup.AtRisk, OrgAdmin) => ownOrganisation,
            (EndpointGroup.PrivacyExportOrErasure, Learner or Trainer) => self,
            (EndpointGroup.PrivacyExportOrErasure, OrgAdmin) => self || member,
            (EndpointGroup.PrivacyExportOrErasure, PlatformAdmin) => world.IsUser(subject),
            (EndpointGroup.PrivacyPreferences, _) => self,
            _ => false,
        };
        if (inScope && world.Exists(subject))
        {
            return AccessExpectation.Allowed;
        }

        // §3.4: an unknown id is 404 only when it is the caller's own sub or org_id, or for a platform-admin on the privacy
        // endpoints; any other unknown id answers exactly like an existing one outside the scope.
        var platformAdminOnPrivacy = role == PlatformAdmin && group == EndpointGroup.PrivacyExportOrErasure;
        return !world.Exists(subject) && (self || ownOrganisation || platformAdminOnPrivacy)
            ? AccessExpectation.SubjectNotFound
            : AccessExpectation.AccessDenied;
    }

    [GeneratedRegex("^/api/v1/learner/analytics/[a-z-]+/\\{userId\\}$")]
    private static partial Regex LearnerRoute();

    [GeneratedRegex("^/api/v1/gamification/(stats|achievements|streak)/\\{userId\\}$")]
    private static partial Regex GamificationRoute();

    [GeneratedRegex("^/api/v1/trainer/analytics/[a-z-]+/\\{trainerId\\}$")]
    private static partial Regex TrainerRoute();

    [GeneratedRegex("^/api/v1/analytics/trainer/\\{trainerId\\}/(student-distribution/\\{courseId\\}|teaching-effectiveness)$")]
    private static partial Regex TrainerCompatibilityRoute();

    [GeneratedRegex("^/api/v1/org-admin/analytics/[a-z-]+/\\{orgId\\}$")]
    private static partial Regex OrganisationRoute();

    [GeneratedRegex("^/api/v1/(comparison/peer|predictive/(drop-off-risk|forecast|recommendations))/\\{id\\}$")]
    private static partial Regex PersonOrCohortRoute();

    [GeneratedRegex("^/api/v1/predictive/at-risk/\\{id\\}$")]
    private static partial Regex AtRiskRoute();

    [GeneratedRegex("^/api/v1/privacy/users/\\{userId\\}/export$")]
    private static partial Regex PrivacyExportRoute();

    [GeneratedRegex("^/api/v1/privacy/users?/\\{userId\\}$")]
    private static partial Regex PrivacyErasureRoute();

    [GeneratedRegex("^/api/v1/privacy/users/\\{userId\\}/preferences$")]
    private static partial Regex PrivacyPreferencesRoute();
}
