using System.Globalization;
using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.Recommendations;

/// <summary>
/// `recommendations@1.0` (ANALYTICS.md §5.3): the learner rules R1–R7, the merge of duplicates, the order, `categories`,
/// `summary` and `insights`. Pure: the handler reads the inputs and writes the feed.
/// </summary>
public static class RecommendationsCalculator
{
    public const string High = "High";
    public const string Medium = "Medium";
    public const string Low = "Low";

    public const string Learning = "Learning";
    public const string Practice = "Practice";
    public const string Assessment = "Assessment";
    public const string Engagement = "Engagement";

    public const string DefinitionVersion = "recommendations@1.0";

    /// <summary>The one field no source supplies (§5.3: difficulty null, `notAvailable`).</summary>
    public static readonly IReadOnlyList<string> NotAvailable = ["recommendations[].difficulty"];

    private static readonly string[] CategoryOrder = [Learning, Practice, Assessment, Engagement];

    /// <summary>R1–R7 for one learner, before duplicates are merged.</summary>
    public static IReadOnlyList<RecommendationCandidate> LearnerCandidates(LearnerRecommendationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var remaining = input.Remaining.ToDictionary(r => (r.ItemType, r.ItemId), r => r.Seconds);
        long? Remaining(string type, string id) => remaining.GetValueOrDefault((type, id));
        var candidates = new List<RecommendationCandidate>();

        // R1: the top 3 skill gaps (gap > 0) in the skill-gap order; the next unfinished topic, else a course, teaching the skill.
        var teaching = input.SkillTeaching.ToDictionary(t => t.SkillId, StringComparer.Ordinal);
        var gaps = (input.SkillGap?.Skills ?? [])
            .Where(s => s.Gap > 0)
            .OrderByDescending(s => s.Priority)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(3);
        foreach (var skill in gaps)
        {
            var where = teaching.GetValueOrDefault(skill.Id);
            var priority = skill.Priority >= 80 ? High : skill.Priority >= 60 ? Medium : Low;
            var reason = Text($"Skill gap in {skill.Name}: level {skill.CurrentLevel} of {skill.TargetLevel} (priority {skill.Priority})");
            var title = $"Close your gap in {skill.Name}";
            if (where?.TopicId is { } topicId)
            {
                candidates.Add(new RecommendationCandidate("topic", topicId, title,
                    Text($"Next: {where.TopicTitle} in {where.TopicCourseTitle}, which teaches {skill.Name}; you are at level {skill.CurrentLevel} of {skill.TargetLevel}."),
                    Learning, priority, skill.Priority, reason, "skill-gap", RecommendationCandidate.Rules, Remaining("topic", topicId), where.TopicTitle));
            }
            else if (where?.CourseId is { } courseId)
            {
                candidates.Add(new RecommendationCandidate("course", courseId, title,
                    Text($"Take {where.CourseTitle}, which teaches {skill.Name}; you are at level {skill.CurrentLevel} of {skill.TargetLevel}."),
                    Learning, priority, skill.Priority, reason, "skill-gap", RecommendationCandidate.Rules,
                    Remaining("course", courseId) ?? where.CourseSeconds, where.CourseTitle));
            }
            else
            {
                candidates.Add(new RecommendationCandidate("skill", skill.Id, title,
                    Text($"No course teaches {skill.Name} yet; you are at level {skill.CurrentLevel} of {skill.TargetLevel}."),
                    Learning, priority, skill.Priority, reason, "skill-gap", RecommendationCandidate.Rules, null, skill.Name));
            }
        }

        // R2: due in the last 14 days (overdue, High) or the next 7 (upcoming, Medium) without a submission; confidence 90.
        foreach (var due in input.DueAssessments)
        {
            var overdue = due.DueOn <= input.AsOf;
            candidates.Add(new RecommendationCandidate("assessment", due.AssessmentId, $"Submit {due.Title}",
                overdue
                    ? Text($"{due.Title} in {due.CourseTitle} was due on {Day(due.DueOn)} and has no submission.")
                    : Text($"{due.Title} in {due.CourseTitle} is due on {Day(due.DueOn)}."),
                Assessment, overdue ? High : Medium, 90,
                overdue ? Text($"Overdue since {Day(due.DueOn)}") : Text($"Due on {Day(due.DueOn)}"),
                "performance", RecommendationCandidate.Rules, null, due.Title));
        }

        // R3: a topic whose best score is under the pass threshold; the practice item when the topic has one. High · 75.
        foreach (var weak in input.WeakTopics)
        {
            var type = weak.HasPractice ? "practice" : "topic";
            candidates.Add(new RecommendationCandidate(type, weak.TopicId, $"Review {weak.TopicTitle} and practise",
                Text($"Your best score in {weak.TopicTitle} ({weak.CourseTitle}) is {Numbers.Round(weak.BestScore, 1)} %, under the pass mark of {Numbers.Round(weak.PassThreshold, 1)} %."),
                Practice, High, 75,
                Text($"Best score {Numbers.Round(weak.BestScore, 1)} % under the pass threshold {Numbers.Round(weak.PassThreshold, 1)} %"),
                "performance", RecommendationCandidate.Rules, Remaining("topic", weak.TopicId), weak.TopicTitle));
        }

        // R4: the content types CE1 (high) and CE2 (medium) of #6 flag, on the topic with the most unopened items of the type.
        var unopened = input.UnopenedTypes.ToDictionary(u => u.Type, StringComparer.Ordinal);
        var flagged = (input.ContentEffectiveness?.Recommendations ?? [])
            .Where(r => r.Priority is "high" or "medium")
            .GroupBy(r => r.Type, StringComparer.Ordinal)
            .Select(g => g.First());
        foreach (var flag in flagged)
        {
            if (unopened.GetValueOrDefault(flag.Type) is not { } place)
            {
                continue;
            }

            var (itemType, itemId, name) = place.TopicId is { } topicId ? ("topic", topicId, place.TopicTitle!) : ("course", place.CourseId, place.CourseTitle);
            candidates.Add(new RecommendationCandidate(itemType, itemId, $"Try the {flag.Type} items of {name}", flag.Suggestion,
                Learning, Medium, 60, Text($"{(flag.Priority == "high" ? "CE1" : "CE2")}: {flag.Suggestion}"),
                "content-effectiveness", RecommendationCandidate.Rules, Remaining(itemType, itemId), name));
        }

        // R5: no progress event in the last 7 days and an active enrolment: resume the course last worked on. High · 85.
        if (input.ActiveCourses.Count > 0 && (input.LastProgressOn is not { } last || last < input.AsOf.AddDays(-6)))
        {
            var course = input.ActiveCourses
                .OrderByDescending(c => c.LastProgressOn ?? DateOnly.MinValue)
                .ThenBy(c => c.CourseId, StringComparer.Ordinal)
                .First();
            candidates.Add(new RecommendationCandidate("course", course.CourseId, $"Resume {course.CourseTitle}",
                course.LastProgressOn is { } day
                    ? Text($"Your last progress in {course.CourseTitle} was on {Day(day)}; nothing in the last 7 days.")
                    : Text($"You have made no progress in {course.CourseTitle} yet."),
                Engagement, High, 85, "No progress for 7 days with an active enrolment", "engagement", RecommendationCandidate.Rules,
                Remaining("course", course.CourseId), course.CourseTitle));
        }

        // R6: currentVelocity < 50: plan ⌈P⌉ units this week (the plan item `pace-<n>`). Medium · 60.
        if (input.Velocity is { CurrentVelocity: { } velocity, TargetUnitsPerWeek: { } pace } && velocity < 50)
        {
            var units = Math.Max(1, (int)Math.Ceiling(Numbers.Exact(pace)));
            candidates.Add(new RecommendationCandidate("plan", Text($"pace-{units}"), Text($"Plan {units} units this week"),
                Text($"Your velocity is {velocity}/100 against a target pace of {Numbers.Round(pace, 2)} units per week."),
                Engagement, Medium, 60, Text($"Velocity {velocity} is under 50"), "velocity", RecommendationCandidate.Rules, null, null));
        }

        // R7: the Learner AI rows as given: score ≥ .8 High, ≥ .5 Medium, else Low; confidence round(100·score).
        foreach (var row in input.LearnerAi)
        {
            candidates.Add(new RecommendationCandidate(row.ItemType, row.ItemId, row.ItemTitle ?? row.Reason, row.Reason,
                CategoryOf(row.ItemType), PriorityOfScore(row.Score), row.Score is { } s ? Numbers.RoundToInt(100 * s) : null,
                row.Reason, "learner-ai", RecommendationCandidate.LearnerAi, row.Seconds, row.ItemTitle));
        }

        return candidates;
    }

    /// <summary>
    /// Merges the items naming the same feed item (the higher priority, then confidence, leads; the reasons are merged) and orders
    /// them: priority, then confidence desc, then id.
    /// </summary>
    public static IReadOnlyList<MergedRecommendation> Merge(IEnumerable<RecommendationCandidate> candidates) =>
        candidates
            .GroupBy(c => (c.ItemType, c.ItemId))
            .Select(g =>
            {
                var ranked = g.OrderBy(c => Rank(c.Priority)).ThenByDescending(c => c.Confidence ?? -1).ThenBy(c => c.Provider, StringComparer.Ordinal).ToArray();
                var rules = ranked.Where(c => c.Provider == RecommendationCandidate.Rules).ToArray();
                return new MergedRecommendation(
                    ranked[0],
                    string.Join("; ", ranked.Select(c => c.Reason).Distinct(StringComparer.Ordinal)),
                    rules.FirstOrDefault(),
                    rules.Length == 0 ? null : string.Join("; ", rules.Select(c => c.Reason).Distinct(StringComparer.Ordinal)));
            })
            .OrderBy(m => Rank(m.Lead.Priority))
            .ThenByDescending(m => m.Lead.Confidence ?? -1)
            .ThenBy(m => m.Lead.Id, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The published item: expectedImpact = priority, timeToComplete from the unopened seconds, difficulty null.</summary>
    public static RecommendationItem Item(MergedRecommendation merged, RecommendationsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(settings);
        var lead = merged.Lead;
        return new RecommendationItem(
            lead.Id,
            lead.Title,
            lead.Description,
            lead.Category,
            lead.Priority,
            lead.Confidence is { } c ? Numbers.Round(c, 1) : null,
            lead.Priority,
            Duration(lead.Seconds),
            null,
            lead.ResourceTitle is { } title ? [new RecommendationResource(title, Url(settings.ItemUrlTemplate, lead.ItemType, lead.ItemId))] : [],
            merged.Reason,
            lead.SourceAnalytic);
    }

    /// <summary>`categories[]` of the published items, in the order Learning, Practice, Assessment, Engagement, counts above 0.</summary>
    public static IReadOnlyList<RecommendationCategory> Categories(IReadOnlyList<RecommendationItem> items) =>
        CategoryOrder
            .Select(name => new RecommendationCategory(name, items.Count(i => i.Category == name)))
            .Where(c => c.Count > 0)
            .ToArray();

    /// <summary>
    /// `summary` over the feed items issued in the last 90 days (<paramref name="outcomes"/>): High = score ≥ .8 (R7's bands),
    /// completionRate = completed/issued, successRate = completed/acted-on (pct 1 dp, null on a zero base), progressTracking the
    /// completion rate of the items issued in the last 7, 30 and 90 days.
    /// </summary>
    public static RecommendationSummary Summary(IReadOnlyList<FeedOutcomeRow> outcomes, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var completed = outcomes.Count(o => o.Completed);
        var acted = outcomes.Count(o => o.Acted || o.Completed);
        return new RecommendationSummary(
            outcomes.Count,
            outcomes.Count(o => PriorityOfScore(o.Score) == High),
            completed,
            Rate(completed, outcomes.Count),
            Rate(completed, acted),
            new RecommendationProgress(
                CompletionRate(outcomes, asOf.AddDays(-6)),
                CompletionRate(outcomes, asOf.AddDays(-29)),
                CompletionRate(outcomes, asOf.AddDays(-89))));
    }

    /// <summary>The summary of a withheld cohort: every figure null.</summary>
    public static RecommendationSummary SuppressedSummary { get; } = new(null, null, null, null, null, new RecommendationProgress(null, null, null));

    /// <summary>
    /// `insights[]` of a learner: the best weekday by events (≥ 4 weeks with activity in the last 12; confidence = its share),
    /// the largest gap (#2; confidence = its priority) and momentum (#1).
    /// </summary>
    public static IReadOnlyList<RecommendationInsight> LearnerInsights(LearnerRecommendationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var insights = new List<RecommendationInsight>();
        if (Pattern(input.Weekdays, input.ActiveWeeks, "your") is { } pattern)
        {
            insights.Add(pattern);
        }

        var largest = (input.SkillGap?.Skills ?? [])
            .Where(s => s.Gap > 0)
            .OrderByDescending(s => s.Gap)
            .ThenByDescending(s => s.Priority)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (largest is not null)
        {
            insights.Add(new RecommendationInsight(
                $"Largest gap: {largest.Name}",
                Text($"You are at level {largest.CurrentLevel} of the {largest.TargetLevel} your organisation asks for ({largest.Gap} to go)."),
                "Gap",
                largest.Priority,
                largest.IsCritical ? High : Medium));
        }

        if (input.Velocity is { Momentum: { } momentum, CurrentVelocity: { } velocity })
        {
            insights.Add(new RecommendationInsight(
                $"Momentum: {momentum}",
                Text($"Your learning velocity is {velocity}/100 over 30 days and {momentum} over the last 7 days."),
                "Momentum",
                60,
                momentum == "slowing" ? High : Medium));
        }

        return insights;
    }

    /// <summary>The best weekday by events over the last 12 weeks, when at least 4 of those weeks had activity.</summary>
    public static RecommendationInsight? Pattern(IReadOnlyList<WeekdayRow> weekdays, int activeWeeks, string whose)
    {
        ArgumentNullException.ThrowIfNull(weekdays);
        var total = weekdays.Sum(w => w.Events);
        if (activeWeeks < 4 || total <= 0)
        {
            return null;
        }

        var best = weekdays.OrderByDescending(w => w.Events).ThenBy(w => w.Weekday).First();
        var share = 100.0 * best.Events / total;
        var day = ((DayOfWeek)(best.Weekday % 7)).ToString();
        return new RecommendationInsight(
            $"Most active on {day}s",
            Text($"{Numbers.Round(share, 1)} % of {whose} learning activity in the last 12 weeks fell on a {day}: plan study time then."),
            "Pattern",
            Numbers.Round(share, 1),
            Medium);
    }

    /// <summary>
    /// The score a rules row is stored with: the confidence as a ratio, held inside its priority's band of R7 (High ≥ .8,
    /// Medium ≥ .5, Low below), so the feed's score gives back the priority it was issued with (4 dp, numeric(5,4)).
    /// </summary>
    public static decimal FeedScore(string priority, double? confidence)
    {
        var ratio = (confidence ?? 0) / 100;
        var banded = priority switch
        {
            High => Math.Clamp(ratio, 0.8, 1.0),
            Medium => Math.Clamp(ratio, 0.5, 0.7999),
            _ => Math.Clamp(ratio, 0.0, 0.4999),
        };
        return Math.Round((decimal)banded, 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>R7's priority of a feed score: ≥ .8 High, ≥ .5 Medium, else (or none) Low.</summary>
    public static string PriorityOfScore(double? score) =>
        score is not { } s ? Low : Numbers.Exact(s) >= 0.8 ? High : Numbers.Exact(s) >= 0.5 ? Medium : Low;

    /// <summary>The category of a feed item by its type.</summary>
    public static string CategoryOf(string itemType) => itemType switch
    {
        "practice" => Practice,
        "assessment" => Assessment,
        "plan" => Engagement,
        _ => Learning,
    };

    /// <summary>"45 min", "1 h 30 min", "2 h"; null without a positive duration.</summary>
    public static string? Duration(long? seconds)
    {
        if (seconds is not { } s || s <= 0)
        {
            return null;
        }

        var minutes = Math.Max(1, (long)Math.Round(s / 60.0, MidpointRounding.AwayFromZero));
        return minutes < 60
            ? Text($"{minutes} min")
            : minutes % 60 == 0 ? Text($"{minutes / 60} h") : Text($"{minutes / 60} h {minutes % 60} min");
    }

    /// <summary>`Recommendations:ItemUrlTemplate` with `{itemType}` and `{itemId}` filled; null when unset.</summary>
    public static string? Url(string? template, string itemType, string itemId) =>
        string.IsNullOrEmpty(template)
            ? null
            : template.Replace("{itemType}", Uri.EscapeDataString(itemType), StringComparison.Ordinal)
                .Replace("{itemId}", Uri.EscapeDataString(itemId), StringComparison.Ordinal);

    public static int Rank(string priority) => priority switch
    {
        High => 0,
        Medium => 1,
        _ => 2,
    };

    private static double? CompletionRate(IReadOnlyList<FeedOutcomeRow> outcomes, DateOnly from)
    {
        var issued = outcomes.Where(o => o.IssuedOn >= from).ToArray();
        return Rate(issued.Count(o => o.Completed), issued.Length);
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Numbers.Round(100.0 * part / whole, 1);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
