using System.Globalization;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.Recommendations;

/// <summary>
/// The cohort rules of ANALYTICS.md §5.3. Trainer: revise a struggling topic, contact at-risk students, split a drop-off topic,
/// review low ratings. Organisation: train for an off-track goal, follow up assigned courses when compliance &lt; 80 %, engage
/// departments with participation &lt; 50 %, the weakest culture component. Each figure over people needs k of them (checked
/// again here after the SQL).
/// </summary>
public static class CohortRecommendationsCalculator
{
    /// <summary>The drop-off rule of §5.1 A (weights 40/30/30; High or Critical from 60).</summary>
    public const int AtRiskScore = 60;

    public static IReadOnlyList<RecommendationCandidate> TrainerCandidates(TrainerCohortInput input, RecommendationsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        var k = input.MinGroupSize;
        var candidates = new List<RecommendationCandidate>();

        // Revise a struggling topic (as #8: pass rate < 70 % or mean score under the threshold). High when under half pass.
        foreach (var topic in input.StrugglingTopics.Where(t => t.Learners >= k))
        {
            if (!(Numbers.Exact(topic.PassRate) < 70 || Numbers.Exact(topic.AverageScore) < Numbers.Exact(topic.PassThreshold)))
            {
                continue;
            }

            candidates.Add(Rule("topic", topic.TopicId, $"Revise {topic.TopicTitle}",
                Text($"{topic.TopicTitle} ({topic.CourseTitle}): {Numbers.Round(topic.PassRate, 1)} % pass, mean best score {Numbers.Round(topic.AverageScore, 1)} %."),
                RecommendationsCalculator.Learning, Numbers.Exact(topic.PassRate) < 50 ? RecommendationsCalculator.High : RecommendationsCalculator.Medium, 75,
                Text($"Struggling topic: pass rate {Numbers.Round(topic.PassRate, 1)} %"), "course-health", topic.TopicTitle));
        }

        // Contact at-risk students: active students scored High or Critical by the transparent rule (opted-out learners left out).
        foreach (var course in input.Risks.GroupBy(r => (r.CourseId, r.CourseTitle)).OrderBy(g => g.Key.CourseId, StringComparer.Ordinal))
        {
            var scored = course.Where(r => r.Engagement is not null).ToArray();
            var atRisk = scored.Count(r => RuleRisk(r) >= AtRiskScore);
            if (atRisk == 0)
            {
                continue;
            }

            candidates.Add(Rule("at-risk", course.Key.CourseId, Text($"Contact {atRisk} at-risk students of {course.Key.CourseTitle}"),
                Text($"{atRisk} of the {scored.Length} scored active students of {course.Key.CourseTitle} are at High or Critical drop-off risk."),
                RecommendationsCalculator.Engagement, RecommendationsCalculator.High, 85,
                Text($"{atRisk} students at High or Critical risk (rule-dropoff@1)"), "drop-off-risk", course.Key.CourseTitle));
        }

        // Split a drop-off topic: withdrawn learners whose last reached topic it was, at least DropOffRatePct of those who reached it.
        foreach (var topic in input.DropOffTopics.Where(t => t.Reached >= k && t.Reached > 0))
        {
            var rate = 100.0 * topic.Dropped / topic.Reached;
            if (Numbers.Exact(rate) < settings.DropOffRatePct)
            {
                continue;
            }

            candidates.Add(Rule("drop-off", topic.TopicId, $"Split {topic.TopicTitle} into smaller steps",
                Text($"{Numbers.Round(rate, 1)} % of the learners who reached {topic.TopicTitle} ({topic.CourseTitle}) withdrew there."),
                RecommendationsCalculator.Learning, RecommendationsCalculator.Medium, 60,
                Text($"Drop-off topic: {Numbers.Round(rate, 1)} % withdrew after reaching it"), "course-health", topic.TopicTitle));
        }

        // Review low ratings: a mean rating under LowRating from at least k raters.
        foreach (var course in input.Ratings.Where(c => c.Raters >= k && Numbers.Exact(c.AverageRating) < settings.LowRating))
        {
            candidates.Add(Rule("ratings", course.CourseId, $"Review the low ratings of {course.CourseTitle}",
                Text($"{course.CourseTitle} is rated {Numbers.Round(course.AverageRating, 1)} of 5 by {course.Raters} learners."),
                RecommendationsCalculator.Engagement, RecommendationsCalculator.Medium, 60,
                Text($"Mean rating {Numbers.Round(course.AverageRating, 1)} under {settings.LowRating}"), "teaching-effectiveness", course.CourseTitle));
        }

        return candidates;
    }

    public static IReadOnlyList<RecommendationInsight> TrainerInsights(TrainerCohortInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Activity.Learners >= input.MinGroupSize
               && RecommendationsCalculator.Pattern(input.Weekdays, input.Activity.Weeks, "your students'") is { } pattern
            ? [pattern]
            : [];
    }

    public static IReadOnlyList<RecommendationCandidate> OrganisationCandidates(OrganisationCohortInput input, RecommendationsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        var candidates = new List<RecommendationCandidate>();

        // Train for an off-track goal (#12 goals are already limited to populations of at least k).
        foreach (var goal in (input.StrategicAlignment?.StrategicGoals ?? []).Where(g => g.Status == "off_track"))
        {
            candidates.Add(Rule("goal", goal.GoalId, $"Train for {goal.GoalName}",
                (goal.Recommendations.Count > 0 ? goal.Recommendations[0] : null)
                ?? Text($"{goal.EmployeesOnTrack} of {goal.TotalEmployeesNeeded} employees meet the goal's skill targets."),
                RecommendationsCalculator.Learning, RecommendationsCalculator.High, 75,
                Text($"Goal off track: alignment {Numbers.Round(100 * (goal.AlignmentScore ?? 0), 1)} %"), "strategic-alignment", null));
        }

        // Follow up assigned courses when training compliance (#12 P) is under the target.
        if (input.StrategicAlignment?.Components.TrainingCompliance is { } compliance && Numbers.Exact(compliance) < settings.ComplianceTargetPct)
        {
            candidates.Add(Rule("compliance", "assigned-courses", "Follow up assigned courses",
                Text($"{Numbers.Round(compliance, 1)} % of the employees with assigned courses have completed all of them (target {settings.ComplianceTargetPct} %)."),
                RecommendationsCalculator.Engagement, RecommendationsCalculator.High, 80,
                Text($"Training compliance {Numbers.Round(compliance, 1)} % under {settings.ComplianceTargetPct} %"), "strategic-alignment", null));
        }

        // Engage departments whose participation (#11, departments with at least k employees) is under the target.
        foreach (var department in (input.LearningVelocity?.DepartmentBreakdown ?? [])
                     .Where(d => d.ParticipationRate is { } p && Numbers.Exact(p) < settings.ParticipationTargetPct))
        {
            candidates.Add(Rule("department", department.DepartmentId, $"Engage {department.DepartmentName}",
                Text($"{Numbers.Round(department.ParticipationRate!.Value, 1)} % of its {department.TotalEmployees} employees learned in the last 30 days."),
                RecommendationsCalculator.Engagement, RecommendationsCalculator.Medium, 70,
                Text($"Participation {Numbers.Round(department.ParticipationRate!.Value, 1)} % under {settings.ParticipationTargetPct} %"), "learning-velocity", null));
        }

        // The weakest culture component (#13 lists the advice for its two weakest, weakest first).
        if (input.LearningCulture?.Recommendations is { Count: > 0 } advices && advices[0] is { } advice)
        {
            candidates.Add(Rule("culture", "weakest-component", "Strengthen the weakest part of your learning culture", advice,
                RecommendationsCalculator.Engagement, RecommendationsCalculator.Medium, 60, "Weakest learning-culture component", "learning-culture", null));
        }

        return candidates;
    }

    public static IReadOnlyList<RecommendationInsight> OrganisationInsights(OrganisationCohortInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var insights = new List<RecommendationInsight>();
        if (input.StrategicAlignment?.GapAnalysis.TopMissingSkills is { Count: > 0 } top && top[0] is { } missing)
        {
            insights.Add(new RecommendationInsight(
                $"Largest gap: {missing.Skill}",
                Text($"{Numbers.Round(missing.Gap, 1)} % of the employees this skill is targeted at are below the required level."),
                "Gap",
                Numbers.Round(missing.Gap, 1),
                missing.Priority is "critical" or "high" ? RecommendationsCalculator.High : RecommendationsCalculator.Medium));
        }

        if (input.LearningVelocity?.Trends.QuarterOverQuarter is { } quarter)
        {
            insights.Add(new RecommendationInsight(
                $"Momentum: {quarter} quarter over quarter",
                Text($"Progress-unit completions this quarter to date against the same days of the previous quarter: {quarter}."),
                "Momentum",
                60,
                RecommendationsCalculator.Medium));
        }

        return insights;
    }

    /// <summary>risk = 40·[E &lt; 50] + 30·[velocity decline] + 30·[no progress 7 d] (§5.1 A; decline = 7-day momentum `slowing`).</summary>
    public static int RuleRisk(CohortRiskRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Math.Min(100, (row.Engagement < 50 ? 40 : 0) + (row.Momentum == "slowing" ? 30 : 0) + (row.Progressed ? 0 : 30));
    }

    private static RecommendationCandidate Rule(
        string itemType, string itemId, string title, string description, string category, string priority, double confidence, string reason,
        string source, string? resourceTitle) =>
        new(itemType, itemId, title, description, category, priority, confidence, reason, source, RecommendationCandidate.Rules, null, resourceTitle);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
