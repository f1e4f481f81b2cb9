using Npgsql;

namespace Analytics.Tests.Security;

/// <summary>
/// The people and organisations of the access matrix. The demo's fixed users of organisation org-123 (API.md §2.6) plus rows
/// this suite inserts: another member of org-123 who studies with nobody, and a second organisation with a learner, their
/// trainer and an org-admin. The facts the oracle needs (who exists, who belongs where, who teaches whom) are read from the
/// store with the suite's own SQL, never from the service's access rules.
/// </summary>
public sealed class AccessWorld
{
    public const string OwnOrganisation = "org-123";
    public const string OtherOrganisation = "atk-org-b";
    public const string Learner = "learner-123";
    public const string Trainer = "trainer-456";
    public const string OrgAdmin = "admin-789";
    public const string PlatformAdmin = "operator-000";
    public const string MultiRole = "supertester-999";
    public const string OtherMember = "atk-a-member";
    public const string OtherOrganisationLearner = "atk-b-learner";
    public const string OtherOrganisationTrainer = "atk-b-trainer";
    public const string OtherOrganisationAdmin = "atk-b-admin";
    public const string UnknownUser = "atk-nobody";
    public const string GhostOrganisation = "atk-ghost-org";

    private static AccessWorld? _loaded;

    private AccessWorld(
        IReadOnlyDictionary<string, UserFacts> users,
        IReadOnlySet<string> organisations,
        IReadOnlySet<(string Trainer, string Learner)> students,
        IReadOnlySet<(string User, string Organisation)> teachesFor)
    {
        Users = users;
        Organisations = organisations;
        Students = students;
        TeachesFor = teachesFor;
    }

    public IReadOnlyDictionary<string, UserFacts> Users { get; }

    public IReadOnlySet<string> Organisations { get; }

    /// <summary>(trainer, learner): the learner is another user enrolled (any status) in a course the trainer teaches.</summary>
    public IReadOnlySet<(string Trainer, string Learner)> Students { get; }

    /// <summary>(user, organisation): the user teaches a course the organisation owns.</summary>
    public IReadOnlySet<(string User, string Organisation)> TeachesFor { get; }

    /// <summary>Every caller of the matrix, anonymous included; supertester-999 once per role it holds (X-Active-Role).</summary>
    public static IReadOnlyList<AccessCaller> Callers { get; } =
    [
        new("anonymous", null, [], null),
        new("learner learner-123", Learner, ["learner"], OwnOrganisation),
        new("trainer trainer-456", Trainer, ["trainer"], OwnOrganisation),
        new("org-admin admin-789", OrgAdmin, ["org-admin"], OwnOrganisation),
        new("platform-admin operator-000", PlatformAdmin, ["platform-admin"], OwnOrganisation),
        new("supertester-999 as learner", MultiRole, ["learner", "trainer", "org-admin"], OwnOrganisation, "learner"),
        new("supertester-999 as trainer", MultiRole, ["learner", "trainer", "org-admin"], OwnOrganisation, "trainer"),
        new("supertester-999 as org-admin", MultiRole, ["learner", "trainer", "org-admin"], OwnOrganisation, "org-admin"),
        new("unknown learner atk-ghost-l", "atk-ghost-l", ["learner"], OwnOrganisation) { IsGhost = true },
        new("unknown trainer atk-ghost-t", "atk-ghost-t", ["trainer"], OwnOrganisation) { IsGhost = true },
        new("unknown org-admin atk-ghost-o of an unknown organisation", "atk-ghost-o", ["org-admin"], GhostOrganisation) { IsGhost = true },
        new("unknown platform-admin atk-ghost-p", "atk-ghost-p", ["platform-admin"], OwnOrganisation) { IsGhost = true },
    ];

    /// <summary>User ids every known caller is tried against, besides its own id.</summary>
    public static IReadOnlyList<string> UserSubjects { get; } =
        [Learner, Trainer, MultiRole, OtherMember, OtherOrganisationLearner, OtherOrganisationTrainer, UnknownUser];

    /// <summary>Organisation ids every known caller is tried against.</summary>
    public static IReadOnlyList<string> OrganisationSubjects { get; } = [OwnOrganisation, OtherOrganisation, GhostOrganisation];

    public static AccessWorld Current => _loaded ?? throw new InvalidOperationException("The access world has not been seeded.");

    public bool IsUser(string id) => Users.ContainsKey(id);

    public bool Exists(string id) => Users.ContainsKey(id) || Organisations.Contains(id);

    public string? OrganisationOf(string id) => Users.TryGetValue(id, out var user) ? user.OrganisationId : null;

    public bool HoldsRole(string id, string role) => Users.TryGetValue(id, out var user) && user.Roles.Contains(role);

    public static async Task SeedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(
            connection,
            """
            INSERT INTO lrs.organisations (id, name, time_zone, settings, source)
            VALUES (@OtherOrganisation, 'Other organisation', 'UTC', jsonb_build_object('analysisDate', '2025-03-14'), 'test');
            INSERT INTO lrs.users (id, organisation_id, email, display_name, source) VALUES
                (@OtherMember, @OwnOrganisation, 'atk-a-member@test.com', 'Other member', 'test'),
                (@OtherOrganisationLearner, @OtherOrganisation, 'atk-b-learner@test.com', 'Other learner', 'test'),
                (@OtherOrganisationTrainer, @OtherOrganisation, 'atk-b-trainer@test.com', 'Other trainer', 'test'),
                (@OtherOrganisationAdmin, @OtherOrganisation, 'atk-b-admin@test.com', 'Other admin', 'test');
            INSERT INTO lrs.user_roles (user_id, role, source) VALUES
                (@OtherMember, 'learner', 'test'),
                (@OtherOrganisationLearner, 'learner', 'test'),
                (@OtherOrganisationTrainer, 'trainer', 'test'),
                (@OtherOrganisationAdmin, 'org-admin', 'test');
            INSERT INTO lrs.courses (id, organisation_id, title, starts_on, ends_on, length_days, source)
            VALUES ('atk-b-course', @OtherOrganisation, 'Other course', DATE '2025-01-06', NULL, NULL, 'test');
            INSERT INTO lrs.course_trainers (course_id, user_id, source) VALUES ('atk-b-course', @OtherOrganisationTrainer, 'test');
            INSERT INTO lrs.enrolments (id, course_id, user_id, enrolled_on, kind, status, source)
            VALUES ('atk-b-enrolment', 'atk-b-course', @OtherOrganisationLearner, DATE '2025-01-06', 'voluntary', 'active', 'test');
            """,
            new { OwnOrganisation, OtherOrganisation, OtherMember, OtherOrganisationLearner, OtherOrganisationTrainer, OtherOrganisationAdmin });
        _loaded = await LoadAsync(connection);
    }

    private static async Task<AccessWorld> LoadAsync(NpgsqlConnection connection)
    {
        var ids = Callers.Where(c => c.UserId is not null).Select(c => c.UserId!).Concat(UserSubjects).Append(OtherOrganisationAdmin).Distinct().ToArray();
        var organisationIds = OrganisationSubjects.Concat(ids).Distinct().ToArray();
        var users = (await Dapper.SqlMapper.QueryAsync<(string Id, string OrganisationId, string[] Roles, string LeaderboardPrivacy, bool PredictiveOptOut)>(
                connection,
                """
                SELECT u.id, u.organisation_id,
                       coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}'),
                       u.leaderboard_privacy, u.predictive_opt_out
                FROM lrs.users u LEFT JOIN lrs.user_roles r ON r.user_id = u.id
                WHERE u.id = ANY(@ids)
                GROUP BY u.id
                """,
                new { ids }))
            .ToDictionary(u => u.Id, u => new UserFacts(u.OrganisationId, u.Roles, u.LeaderboardPrivacy, u.PredictiveOptOut));
        var organisations = (await Dapper.SqlMapper.QueryAsync<string>(
            connection, "SELECT id FROM lrs.organisations WHERE id = ANY(@organisationIds)", new { organisationIds })).ToHashSet();
        var students = (await Dapper.SqlMapper.QueryAsync<(string Trainer, string Learner)>(
                connection,
                """
                SELECT DISTINCT ct.user_id, e.user_id
                FROM lrs.course_trainers ct JOIN lrs.enrolments e ON e.course_id = ct.course_id
                WHERE ct.user_id = ANY(@ids) AND e.user_id = ANY(@ids) AND e.user_id <> ct.user_id
                """,
                new { ids }))
            .ToHashSet();
        var teachesFor = (await Dapper.SqlMapper.QueryAsync<(string User, string Organisation)>(
                connection,
                """
                SELECT DISTINCT ct.user_id, c.organisation_id
                FROM lrs.course_trainers ct JOIN lrs.courses c ON c.id = ct.course_id
                WHERE ct.user_id = ANY(@ids)
                """,
                new { ids }))
            .ToHashSet();
        return new AccessWorld(users, organisations, students, teachesFor);
    }
}
