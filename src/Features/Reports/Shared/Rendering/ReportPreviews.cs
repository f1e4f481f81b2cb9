using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>
/// The preview of a completed report (API.md §4.7), taken from the same sections as its file: the summary keys of its type (null
/// where no analytic of the report carries that figure), the first dated history as learning progress, and skills with a
/// current and a target level.
/// </summary>
public static class ReportPreviews
{
    private static readonly Dictionary<string, (string Key, string[] Metrics)[]> SummaryKeys = new()
    {
        [ReportTypes.Learner] =
        [
            ("totalLearningHours", ["totalHours", "totalLearningHours", "hours"]),
            ("coursesCompleted", ["coursesCompleted", "completedCourses"]),
            ("averageScore", ["averageScore", "overallScore", "overallPerformance"]),
            ("skillsImproved", ["skillsImproved", "masteredSkills", "skillsMastered"]),
            ("engagementScore", ["overallEngagement", "engagementScore"]),
            ("progressRate", ["currentVelocity", "progressRate"]),
        ],
        [ReportTypes.Trainer] =
        [
            ("totalCourses", ["totalCourses", "courseCount"]),
            ("totalEnrollments", ["totalEnrollments", "totalEnrolments", "enrolments"]),
            ("averageCompletionRate", ["averageCompletionRate", "completionRate"]),
            ("averageHealthScore", ["averageHealthScore", "healthScore"]),
            ("atRiskStudents", ["atRiskStudents", "atRisk"]),
        ],
        [ReportTypes.Organisation] =
        [
            ("totalEmployees", ["totalEmployees", "totalMembers", "members"]),
            ("participationRate", ["participationRate"]),
            ("overallAlignment", ["overallAlignment", "alignmentScore"]),
            ("overallCultureScore", ["overallCultureScore", "cultureScore", "overallScore"]),
            ("skillsAcquired", ["skillsAcquired"]),
        ],
    };

    public static string Build(ReportContent content)
    {
        var rows = content.Sections.SelectMany(MetricRows.Of).ToArray();
        var summary = new JsonObject();
        foreach (var (key, metrics) in SummaryKeys[content.Report.SubjectType])
        {
            var found = metrics.Select(m => rows.FirstOrDefault(r => r.Metric == m && r.Dimension.Length == 0)).FirstOrDefault(r => r is not null);
            summary[key] = found is null ? null : JsonValue.Create(double.Parse(found.Value, CultureInfo.InvariantCulture));
        }

        var progress = LearningProgress(content);
        var skills = SkillBreakdown(content);
        var preview = new JsonObject
        {
            ["summary"] = summary,
            ["learningProgress"] = progress,
            ["skillBreakdown"] = skills,
            ["achievements"] = new JsonArray(),
            ["recommendations"] = new JsonArray(),
            ["charts"] = new JsonObject
            {
                ["progressChart"] = new JsonObject { ["title"] = "Learning progress", ["data"] = progress.DeepClone() },
                ["skillChart"] = new JsonObject { ["title"] = "Skills against targets", ["data"] = skills.DeepClone() },
            },
        };
        return preview.ToJsonString();
    }

    private static JsonArray LearningProgress(ReportContent content)
    {
        foreach (var data in content.Sections.Select(s => s.Data).OfType<JsonObject>())
        {
            foreach (var (_, value) in data)
            {
                if (value is JsonArray { Count: > 1 } array && array[0] is JsonObject first && first["date"] is JsonValue
                    && first.FirstOrDefault(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.Number).Key is { } metric)
                {
                    return new JsonArray(array.OfType<JsonObject>()
                        .Select(item => (JsonNode)new JsonObject { ["date"] = item["date"]?.DeepClone(), ["value"] = item[metric]?.DeepClone() })
                        .ToArray());
                }
            }
        }

        return [];
    }

    private static JsonArray SkillBreakdown(ReportContent content)
    {
        foreach (var data in content.Sections.Select(s => s.Data).OfType<JsonObject>())
        {
            foreach (var (_, value) in data)
            {
                if (value is JsonArray array && array.OfType<JsonObject>().FirstOrDefault() is { } first
                    && first.ContainsKey("currentLevel") && first.ContainsKey("targetLevel"))
                {
                    return new JsonArray(array.OfType<JsonObject>().Take(12)
                        .Select(item => (JsonNode)new JsonObject
                        {
                            ["skill"] = (item["skillName"] ?? item["name"] ?? item["skill"] ?? item["skillId"])?.DeepClone(),
                            ["current"] = item["currentLevel"]?.DeepClone(),
                            ["target"] = item["targetLevel"]?.DeepClone(),
                        })
                        .ToArray());
                }
            }
        }

        return [];
    }
}
