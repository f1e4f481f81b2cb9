namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// The fixed demo organisation org-123 and the five users of SOURCES.md §2.3 / API.md §2.6. Their ids, e-mails, names and
/// departments are contract; the course calendar below (day offsets from asOf) is what makes the stated analytics come out.
/// </summary>
public static class FixedDemo
{
    public const string OrganisationId = "org-123";
    public const string OrganisationName = "Demo Organisation";
    public const string Password = "password123";

    public const string Learner = "learner-123";
    public const string Trainer = "trainer-456";
    public const string Admin = "admin-789";
    public const string Supertester = "supertester-999";
    public const string Operator = "operator-000";

    public const string Engineering = "dept-engineering";
    public const string Sales = "dept-sales";
    public const string Support = "dept-support";
    public const string Qa = "dept-qa";
    public const string Education = "dept-education";
    public const string Management = "dept-management";
    public const string Legal = "dept-legal";

    /// <summary>Learners of org-123, counting learner-123 and supertester-999 (the tiny preset is exactly org-123).</summary>
    public const int OrganisationLearners = 150;

    /// <summary>trainer-456, supertester-999 and t-0001…t-0010.</summary>
    public const int OrganisationTrainers = 12;

    public const int GeneratedTrainersInOrganisation = 10;
    public const int OrganisationCourses = 15;

    /// <summary>org-123's history reaches back at least this far, whatever --days says: learner-123 needs ≥ 120 active days in the last 180.</summary>
    public const int MinimumHistoryDays = 210;

    /// <summary>Departments in order, with the number of learners each gets (Σ = 150; Legal exactly 6 so that k = 10 suppression shows).</summary>
    public static IReadOnlyList<(string Id, string Name, int Learners)> Departments { get; } =
    [
        (Engineering, "Engineering", 60),
        (Sales, "Sales", 18),
        (Support, "Support", 18),
        (Qa, "QA & Testing", 20),
        (Education, "Education", 14),
        (Management, "Management", 14),
        (Legal, "Legal", 6),
    ];

    /// <summary>A fixed user: id, e-mail, display name, roles (first = default), department (null = none).</summary>
    public sealed record User(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? DepartmentId);

    public static IReadOnlyList<User> Users { get; } =
    [
        new(Learner, "learner@test.com", "John Learner", ["learner"], Engineering),
        new(Trainer, "trainer@test.com", "Jane Trainer", ["trainer"], Education),
        new(Admin, "admin@test.com", "Admin User", ["org-admin"], Management),
        new(Supertester, "supertester@test.com", "Super Tester", ["learner", "trainer", "org-admin"], Qa),
        new(Operator, "operator@test.com", "Platform Operator", ["platform-admin"], null),
    ];

    // Course slots of org-123 (index into its 15 courses) and their teachers.
    public const int TrainerActiveCourse = 0;        // c-0001: trainer-456, running; learner-123, supertester-999, ≥ 3 at-risk learners
    public const int TrainerFinishedCourse = 1;      // c-0002: trainer-456, finished 30 days ago
    public const int TrainerSelfPacedCourse = 2;     // c-0003: trainer-456, self-paced
    public const int SupertesterActiveCourse = 3;    // c-0004: supertester-999, running; learner-123
    public const int SupertesterFinishedCourse = 4;  // c-0005: supertester-999, finished
    public const int LearnerCompletedCourse = 5;     // c-0006: learner-123 completed it with a pass 60 days ago
    public const int LearnerWithdrawnCourse = 6;     // c-0007: learner-123 withdrew long ago
    public const int SupertesterSelfPacedCourse = 7; // c-0008: supertester-999 studies it (self-paced)

    /// <summary>Scheduled calendar of the fixed course slots: start offset from asOf and length in days (null start = self-paced).</summary>
    public static (int? StartOffset, int LengthDays)? Calendar(int slot) => slot switch
    {
        TrainerActiveCourse => (-58, 90),
        TrainerFinishedCourse => (-150, 120),
        TrainerSelfPacedCourse => (null, 60),
        SupertesterActiveCourse => (-30, 90),
        SupertesterFinishedCourse => (-120, 75),
        LearnerCompletedCourse => (-160, 101),
        LearnerWithdrawnCourse => (-200, 90),
        SupertesterSelfPacedCourse => (null, 90),
        _ => null,
    };

    /// <summary>Roster bounds of org-123's courses: trainer-456's 25–60 learners, supertester-999's ≥ 20, every other ≥ 12.</summary>
    public static (int Min, int Max) RosterBounds(int slot) => slot switch
    {
        TrainerActiveCourse or TrainerFinishedCourse or TrainerSelfPacedCourse => (25, 60),
        SupertesterActiveCourse or SupertesterFinishedCourse => (20, 60),
        _ => (12, 80),
    };

    /// <summary>Enrolments per org-123 course that always leave a rating, so every course has ≥ 10 ratings.</summary>
    public const int GuaranteedRatingsPerCourse = 12;

    /// <summary>Learners of trainer-456's running course who stop all activity 10 days before asOf (the ≥ 3 at-risk learners).</summary>
    public const int AtRiskLearnersInTrainerCourse = 4;
    public const int AtRiskStopOffset = -10;

    // learner-123's script (offsets from asOf).
    public const int LearnerCompletedOn = -60;
    public const int LearnerWithdrawnOn = -165;
    public static IReadOnlyList<int> LearnerRecentCompletionOffsets { get; } = [-12, -10];
    /// <summary>Days of the last 17 with no activity: they end earlier runs and leave a current streak of 11 days holding 1 freeze.</summary>
    public static IReadOnlyList<int> LearnerQuietOffsets { get; } = [-16, -15, -14, -13, -11];
    public const int LearnerScriptedDays = 17;
    public const int LearnerRecentEvents = 2;
    public const int LearnerRecentMinutes = 5;
    public const int LearnerHelpRequests = 4;
    public const int LearnerPaths = 2;
}
