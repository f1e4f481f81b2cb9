namespace Analytics.Api.Features.Reports.Shared;

/// <summary>The built-in templates of API.md §4.7; each type's first one is its default.</summary>
public static class ReportTemplates
{
    public static readonly IReadOnlyList<ReportTemplate> BuiltIn =
    [
        new("learner-summary", "Learner summary", "Velocity, engagement, mastery and performance of one learner.", ReportTypes.Learner,
            ["velocity", "engagement", "mastery", "performance"], ReportFormats.Pdf, ReportFormats.All),
        new("learner-full", "Learner full report", "Every learner analytic with gamification, forecast and recommendations.", ReportTypes.Learner,
            ["velocity", "skill-gap", "engagement", "mastery", "performance", "content-effectiveness", "gamification", "forecast", "recommendations"],
            ReportFormats.Pdf, ReportFormats.All),
        new("trainer-courses", "Trainer courses", "Course performance and health, student distribution and teaching effectiveness.", ReportTypes.Trainer,
            ["course-performance", "course-health", "student-distribution", "teaching-effectiveness"], ReportFormats.Pdf, ReportFormats.All),
        new("organisation-executive", "Organisation executive summary", "Learning velocity, strategic alignment, learning culture and performance.",
            ReportTypes.Organisation, ["learning-velocity", "strategic-alignment", "learning-culture", "org-performance"], ReportFormats.Pdf,
            ReportFormats.All),
        new("organisation-skills", "Organisation skills", "Departments and the skills in demand.", ReportTypes.Organisation,
            ["department-analytics", "skill-demand"], ReportFormats.Xlsx, ReportFormats.All),
    ];

    public static ReportTemplate? Find(string? id) => BuiltIn.FirstOrDefault(t => t.Id == id);

    public static ReportTemplate DefaultFor(string type) => BuiltIn.First(t => t.Type == type);
}
