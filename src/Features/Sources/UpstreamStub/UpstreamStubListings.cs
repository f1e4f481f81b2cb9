using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Api.Shared.Sources.Upstream.Contracts;

namespace Analytics.Api.Features.Sources.UpstreamStub;

/// <summary>Every listing of the nine services (SOURCES.md §3.3), with the paths the typed clients of Shared/Sources/Upstream/Clients call.</summary>
public static class UpstreamStubListings
{
    private const string Org = "organizations/{organizationId}";

    public static readonly IReadOnlyList<UpstreamStubListing> All =
    [
        new(UpstreamServices.Auth, $"{Org}/sessions", "UpstreamStub.Sessions", typeof(SessionItem)),
        new(UpstreamServices.Directory, "organizations", "UpstreamStub.Organisations", typeof(OrganizationItem)),
        new(UpstreamServices.Directory, $"{Org}/departments", "UpstreamStub.Departments", typeof(DepartmentItem)),
        new(UpstreamServices.Directory, $"{Org}/users", "UpstreamStub.Users", typeof(UserItem)),
        new(UpstreamServices.Directory, $"{Org}/kpis", "UpstreamStub.Kpis", typeof(KpiItem)),
        new(UpstreamServices.Directory, $"{Org}/value-propositions", "UpstreamStub.ValuePropositions", typeof(ValuePropositionItem)),
        new(UpstreamServices.Directory, $"{Org}/mentoring", "UpstreamStub.Mentoring", typeof(MentoringItem)),
        new(UpstreamServices.CourseBuilder, $"{Org}/courses", "UpstreamStub.Courses", typeof(CourseItem)),
        new(UpstreamServices.CourseBuilder, $"{Org}/enrollments", "UpstreamStub.Enrollments", typeof(EnrollmentItem)),
        new(UpstreamServices.CourseBuilder, $"{Org}/module-completions", "UpstreamStub.ModuleCompletions", typeof(ModuleCompletionItem)),
        new(UpstreamServices.CourseBuilder, $"{Org}/course-feedback", "UpstreamStub.CourseFeedback", typeof(CourseFeedbackItem)),
        new(UpstreamServices.ContentStudio, $"{Org}/content", "UpstreamStub.Content", typeof(ContentItem)),
        new(UpstreamServices.ContentStudio, $"{Org}/usage/daily", "UpstreamStub.DailyUsage", typeof(DailyUsageItem)) { DayWindow = true },
        new(UpstreamServices.ContentStudio, $"{Org}/contributions", "UpstreamStub.Contributions", typeof(ContributionItem)),
        new(UpstreamServices.Assessment, $"{Org}/assessments", "UpstreamStub.Assessments", typeof(AssessmentItem)),
        new(UpstreamServices.Assessment, $"{Org}/attempts", "UpstreamStub.Attempts", typeof(AttemptItem)),
        new(UpstreamServices.SkillsEngine, "skills", "UpstreamStub.Skills", typeof(SkillItem)),
        new(UpstreamServices.SkillsEngine, "skill-mappings", "UpstreamStub.SkillMappings", typeof(SkillMappingItem)) { OrganisationFilter = true },
        new(UpstreamServices.SkillsEngine, $"{Org}/user-skills", "UpstreamStub.UserSkills", typeof(UserSkillItem)),
        new(UpstreamServices.LearnerAi, $"{Org}/learning-paths", "UpstreamStub.LearningPaths", typeof(LearningPathItem)),
        new(UpstreamServices.LearnerAi, $"{Org}/recommendations", "UpstreamStub.Recommendations", typeof(RecommendationSetItem)),
        new(UpstreamServices.DevLab, $"{Org}/practice-sessions", "UpstreamStub.PracticeSessions", typeof(PracticeSessionItem)),
        new(UpstreamServices.RagAssistant, $"{Org}/help-requests", "UpstreamStub.HelpRequests", typeof(HelpRequestItem)),
    ];
}
