using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Analytics.Api.Shared.Hosting;

/// <summary>
/// Types, constraints, defaults and descriptions of the path and query parameters of API.md §4. The endpoints bind most values
/// as strings and validate them in the mediator pipeline (one validation, one 400 shape), so the document takes the contract from
/// this table instead of from the handler signatures. An entry keyed by operation id wins over the one keyed by name only.
/// </summary>
public static class OpenApiParameters
{
    public const string IdPattern = "^[A-Za-z0-9_-]{1,64}$";

    private static readonly Dictionary<(string? OperationId, string Name), ParameterDoc> Table = new()
    {
        // Path ids (API.md §1.1 and §3.2).
        [(null, "userId")] = Id("The user id (`learner-123`). Learners read themselves, trainers their students, org-admins the members of their organisation.", "learner-123"),
        [(null, "trainerId")] = Id("The trainer's user id (`trainer-456`). Trainers read themselves, org-admins the trainers of their organisation.", "trainer-456"),
        [(null, "orgId")] = Id("The organisation id; an org-admin reads their own (`org-123`).", "org-123"),
        [(null, "id")] = Id(
            "A learner id, or the caller's own id (trainer: their students as a cohort) or own organisation id (org-admin: the organisation's learners as a cohort); API.md §3.2.",
            "learner-123"),
        [(null, "jobId")] = Id("A job id (`job_` + ULID) returned by the request that queued it.", "job_01JF8Z3QK2V7W9X4Y5Z6A7B8C9"),
        [(null, "reportId")] = Id("A report id (`rpt_` + ULID) of one of your reports.", "rpt_01JF8Z3QK2V7W9X4Y5Z6A7B8C9"),
        [(null, "scheduleId")] = Id("A schedule id (`sch_` + ULID) of one of your schedules.", "sch_01JF8Z3QK2V7W9X4Y5Z6A7B8C9"),
        [(null, "modelId")] = Id("A model card id (`mdl_` + ULID, or a rule card id).", "mdl_01JF8Z3QK2V7W9X4Y5Z6A7B8C9"),
        [(null, "upstream")] = Enum("The upstream service (API.md §4.9).", null,
            "auth", "directory", "course-builder", "content-studio", "assessment", "skills-engine", "learner-ai", "devlab", "rag-assistant"),
        [("GetTrainerStudentDistributionCompat", "courseId")] = Id(
            "A course taught by `trainerId`; `default-course` means the trainer's primary course (the app's fallback).", "default-course"),

        // Filters by id.
        [(null, "courseId")] = Id("Limit to one course; it must be in the caller's scope (else 403 `ACCESS_DENIED`).", "course-101"),
        [("GetTrainerOverview", "courseId")] = Id("The course of the health and distribution sections (default: the trainer's primary course).", "course-101"),
        [("GetTrainerCourseHealth", "courseId")] = Id("The course (default: the trainer's primary course).", "course-101"),
        [("GetTrainerStudentDistribution", "courseId")] = Id("The course (default: the trainer's primary course).", "course-101"),
        [("GetTrainerTeachingEffectiveness", "courseId")] = Id("One taught course (default: all taught courses).", "course-101"),
        [("GetGamificationLeaderboard", "courseId")] = Id(
            "Required when `scope=course`: a course the caller is enrolled in, teaches, or whose organisation they administer.", "course-101"),
        [(null, "departmentId")] = Id("Limit to one department of the organisation.", "dept-qa"),
        [(null, "department")] = Id("One department (alias `departmentId`); without it, every department with at least k members.", "dept-qa"),
        [(null, "moduleId")] = Id("A topic id of the course.", "topic-1"),
        [(null, "pathId")] = Id("One learning path of the learner.", "path-1"),
        [(null, "organisationId")] = Id("An organisation id (platform-admin only; others always see their own organisation and the platform).", "org-123"),
        [(null, "subjectId")] = Id("Only reports about this subject.", "learner-123"),

        // Learner analytics (API.md §4.1).
        [(null, "window")] = Enum("The window that replaces `currentVelocity` (every other field is unchanged).", "30d", "7d", "30d", "90d"),
        [("GetLearnerSkillGap", "category")] = Text("Only skills of this category.", 64),
        [(null, "criticalOnly")] = Bool("Only critical gaps.", false),
        [(null, "windowDays")] = Int("Length of the engagement window in days.", 7, 90, 14),
        [(null, "contentType")] = Enum("Only content of this type.", null, "video", "article", "interactive", "quiz", "forum", "resource", "other"),
        [(null, "creationMethod")] = Enum("Only content created this way.", null, "manual", "ai"),
        [(null, "from")] = Date("First day (inclusive, `from ≤ to`, span ≤ 366 days; default: 90 days before `to`)."),
        [(null, "to")] = Date("Last day (inclusive; default: today in the subject's time zone)."),

        // Trainer analytics (API.md §4.2).
        [("GetTrainerCoursePerformance", "status")] = Enum("Which courses.", "active", "active", "all"),
        [(null, "attemptsBucket")] = Enum("Only learners with this many attempts.", null, "1", "2", "3", "4plus"),

        // Comparison and predictive (API.md §4.4).
        [("GetPeerComparison", "scope")] = Enum(
            "The peer group of a learner (ignored for cohort subjects, which are compared with their organisation's other trainers or the platform's other organisations).",
            "organisation", "department", "organisation", "platform"),
        [("GetSkillDemand", "scope")] = Enum("Demand across the caller's organisation or the whole platform.", "platform", "organisation", "platform"),
        [("GetSkillDemand", "timeframe")] = Enum("The period.", "6months", "3months", "6months", "1year"),
        [(null, "skillCategory")] = Text("Only skills of this category.", 64),
        [(null, "skills")] = IdList("Only these skills (comma-separated ids, at most 20).", 20),
        [("GetSkillDemand", "limit")] = Int("Rows to return.", 1, 50, 20),
        [(null, "weeklyStudyHours")] = Number("Scenario: weekly study hours from now on (makes the read live and uncached).", 0, 80),
        [(null, "breakWeeks")] = Int("Scenario: weeks of break before resuming (makes the read live and uncached).", 0, 12, null),
        [("GetRecommendations", "limit")] = Int("Recommendations to return.", 1, 50, 10),
        [(null, "band")] = EnumList("Risk bands to list (comma-separated).", "critical,high", "critical", "high", "medium", "low"),
        [(null, "minScore")] = Number("Only learners with at least this risk score.", 0, 100),
        [("ListAtRiskLearners", "sort")] = Enum("Sort order; `-` = descending, ties by id.", "-riskScore", "-riskScore", "riskScore", "displayName", "-lastActivityAt"),
        [("ListAtRiskLearners", "limit")] = Int("Page size.", 1, 100, 25),
        [(null, "analytic")] = Enum("The analytic whose model cards to list.", "drop-off-risk", "drop-off-risk"),
        [(null, "inUse")] = Bool("Only the cards in use (true) or not in use (false).", null),

        // Gamification (API.md §4.5).
        [("GetGamificationAchievements", "status")] = Enum("Which achievements.", "all", "earned", "available", "all"),
        [("GetGamificationLeaderboard", "timeframe")] = Enum("The period (in the organisation's time zone).", "month", "week", "month", "year", "all"),
        [("GetGamificationLeaderboard", "category")] = Enum("What is ranked.", "points", "points", "streaks", "achievements"),
        [("GetGamificationLeaderboard", "scope")] = Enum("Who is ranked.", "organisation", "organisation", "course", "platform"),
        [("GetGamificationLeaderboard", "limit")] = Int("Page size.", 10, 100, 50),

        // Reports (API.md §4.7).
        [("ListReports", "status")] = Enum("Only reports in this state.", null, "queued", "running", "completed", "failed"),
        [("ListReports", "type")] = Enum("Only reports of this type.", null, "learner", "trainer", "organisation"),
        [("ListReportTemplates", "type")] = Enum("Only templates of this report type.", null, "learner", "trainer", "organisation"),
        [("ListReports", "format")] = Enum("Only reports in this format.", null, "pdf", "csv", "xlsx", "json"),
        [("ListReports", "sort")] = Enum("Sort order; `-` = descending.", "-createdAt", "-createdAt", "createdAt", "title"),
        [(null, "expires")] = new ParameterDoc("Signed links only: expiry of the link (unix seconds).",
            () => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" }),
        [(null, "signature")] = new ParameterDoc("Signed links only: the link's HMAC (lets the holder download without a token, for 24 h).",
            () => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Za-z0-9_=-]{1,256}$" }),

        // Privacy (API.md §4.8).
        [(null, "confirm")] = new ParameterDoc(
            "Must equal `userId` (else 400); may instead be sent in the body as `{\"confirm\": \"<userId>\"}`.",
            () => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = IdPattern }, "learner-123"),

        // Operator (API.md §4.9).
        [("ListOperatorJobs", "type")] = Enum("Only jobs of this type.", null,
            "refresh", "report", "sync", "import", "retrain", "recalculation", "erasure-recompute"),
        [("ListOperatorJobs", "status")] = Enum("Only jobs in this state.", null, "queued", "running", "completed", "failed"),
        [("ListOperatorJobs", "sort")] = Enum("Sort order.", "-createdAt", "-createdAt"),

        // Paging (API.md §7).
        [(null, "page")] = Int("Page number (1-based; a page beyond the end is empty with correct totals).", 1, 10_000, 1),
        [(null, "limit")] = Int("Page size.", 1, 100, 20),
    };

    /// <summary>The documentation of a parameter of an operation, or null when the table does not know it.</summary>
    public static ParameterDoc? Find(string? operationId, string name) =>
        Table.TryGetValue((operationId, name), out var specific) ? specific
        : Table.TryGetValue((null, name), out var general) ? general
        : null;

    private static ParameterDoc Id(string description, string example) =>
        new(description, () => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = IdPattern }, example);

    private static ParameterDoc Text(string description, int maxLength) =>
        new(description, () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength });

    private static ParameterDoc Bool(string description, bool? defaultValue) =>
        new(description, () => new OpenApiSchema
        {
            Type = JsonSchemaType.Boolean,
            Default = defaultValue is { } value ? JsonValue.Create(value) : null,
        });

    private static ParameterDoc Int(string description, int minimum, int maximum, int? defaultValue) =>
        new(description, () => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = minimum.ToString(CultureInfo.InvariantCulture),
            Maximum = maximum.ToString(CultureInfo.InvariantCulture),
            Default = defaultValue is { } value ? JsonValue.Create(value) : null,
        });

    private static ParameterDoc Number(string description, int minimum, int maximum) =>
        new(description, () => new OpenApiSchema
        {
            Type = JsonSchemaType.Number,
            Minimum = minimum.ToString(CultureInfo.InvariantCulture),
            Maximum = maximum.ToString(CultureInfo.InvariantCulture),
        });

    private static ParameterDoc Date(string description) =>
        new(description, () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" }, "2026-01-31");

    private static ParameterDoc Enum(string description, string? defaultValue, params string[] values) =>
        new(description, () => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = values.Select(value => (JsonNode)JsonValue.Create(value)).ToList(),
            Default = defaultValue is null ? null : JsonValue.Create(defaultValue),
        });

    private static ParameterDoc EnumList(string description, string defaultValue, params string[] values) =>
        new(description, () => new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = values.Select(value => (JsonNode)JsonValue.Create(value)).ToList() },
            Default = new JsonArray(defaultValue.Split(',').Select(value => (JsonNode)JsonValue.Create(value)).ToArray()),
        }, Explode: false);

    private static ParameterDoc IdList(string description, int maxItems) =>
        new(description, () => new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            MaxItems = maxItems,
            Items = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = IdPattern },
        }, Explode: false);
}

/// <summary>One parameter's description, a factory for its schema (each use gets its own instance), an example and whether lists explode.</summary>
public sealed record ParameterDoc(string Description, Func<OpenApiSchema> Schema, string? Example = null, bool Explode = true);
