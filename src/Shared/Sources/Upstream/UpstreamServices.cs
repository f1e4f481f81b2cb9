namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>The nine services of SOURCES.md §3.3, in the order of API.md §4.9.</summary>
public static class UpstreamServices
{
    public static readonly UpstreamService Auth = new("Auth", "auth");
    public static readonly UpstreamService Directory = new("Directory", "directory");
    public static readonly UpstreamService CourseBuilder = new("CourseBuilder", "course-builder");
    public static readonly UpstreamService ContentStudio = new("ContentStudio", "content-studio");
    public static readonly UpstreamService Assessment = new("Assessment", "assessment");
    public static readonly UpstreamService SkillsEngine = new("SkillsEngine", "skills-engine");
    public static readonly UpstreamService LearnerAi = new("LearnerAI", "learner-ai");
    public static readonly UpstreamService DevLab = new("DevLab", "devlab");
    public static readonly UpstreamService RagAssistant = new("RagAssistant", "rag-assistant");

    public static readonly IReadOnlyList<UpstreamService> All =
        [Auth, Directory, CourseBuilder, ContentStudio, Assessment, SkillsEngine, LearnerAi, DevLab, RagAssistant];

    /// <summary>The service with this API name (`course-builder`), or null.</summary>
    public static UpstreamService? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
