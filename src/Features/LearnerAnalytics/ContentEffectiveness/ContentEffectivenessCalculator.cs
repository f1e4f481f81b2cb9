using System.Globalization;
using Analytics.Api.Features.LearnerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.LearnerAnalytics.ContentEffectiveness;

/// <summary>
/// Content effectiveness for a learner, `content-effectiveness@1.0` (ANALYTICS.md §1.6): the learner's best scores on
/// assessments whose unit (topic, else course) holds content they opened before the first submission, per content type and item.
/// The analysis period is [from, to] (default the last 90 days to asOf); an assessment belongs to the period of its first submission.
/// </summary>
public static class ContentEffectivenessCalculator
{
    public const string DefinitionVersion = "content-effectiveness@1.0";

    public const string TimeSpentPath = "contentTypes[].timeSpent";

    /// <summary>Items carry no ratings, so these fields are always null.</summary>
    public static readonly IReadOnlyList<string> RatingPaths =
        ["contentTypes[].averageRating", "topPerformingContent[].rating", "underperformingContent[].rating"];

    private const int HistoryPoints = 6;
    private const int HistoryStepDays = 30;
    private const int ListSize = 3;

    public static ContentEffectivenessPayload Compute(
        DateOnly asOf, ContentEffectivenessInputs inputs, ContentEffectivenessFilter filter, ContentEffectivenessSettings settings)
    {
        var to = filter.To ?? asOf;
        var from = filter.From ?? to.AddDays(-(ContentEffectivenessQuery.DefaultPeriodDays - 1));
        var end = to < asOf ? to : asOf;
        var spanDays = to.DayNumber - from.DayNumber + 1;

        // Scope: the courses of the learner's started enrolments (active or finished), narrowed to one course on request.
        var scopeCourses = inputs.Enrolments
            .Where(e => e.HasStartedBy(end) && (filter.CourseId is null || e.CourseId == filter.CourseId))
            .Select(e => e.CourseId)
            .ToHashSet(StringComparer.Ordinal);
        var scopeItems = inputs.Items.Where(i => scopeCourses.Contains(i.CourseId)).DistinctBy(i => i.Id, StringComparer.Ordinal).ToArray();
        if (scopeItems.Length == 0)
        {
            return Empty(asOf);
        }

        var items = scopeItems
            .Where(i => filter.ContentType is null || i.Type == filter.ContentType)
            .Where(i => filter.CreationMethod is null || i.CreationMethod == filter.CreationMethod)
            .ToArray();
        var itemIds = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var activity = inputs.Activity.Where(a => a.Day <= end).ToArray();
        var itemActivity = activity.Where(a => itemIds.Contains(a.ContentItemId)).ToArray();
        var assessments = Assess(inputs.Submissions, scopeCourses, items, itemActivity, asOf);

        var current = Contributions(assessments, from, end);
        var overall = Overall(current);
        var minutesAvailable = inputs.Activity.Any(a => a.Minutes is not null);
        var activeDays = inputs.ActiveDays
            .Where(d => d <= end && d > end.AddDays(-settings.EngagementDays))
            .ToHashSet();

        var types = ContentEffectivenessQuery.ContentTypes
            .Select(type => (Type: type, Items: items.Where(i => i.Type == type).ToArray()))
            .Where(g => g.Items.Length > 0)
            .Select(g => TypeEntry(g.Type, g.Items, itemActivity, current, from, end, activeDays, minutesAvailable, settings))
            .ToArray();

        var perItem = items
            .Select(i => (Item: i, Effectiveness: Mean(current.Where(c => c.Items.Contains(i)).Select(c => c.Best))))
            .Where(p => p.Effectiveness is not null)
            .Select(p => (p.Item, Effectiveness: p.Effectiveness!.Value))
            .ToArray();

        return new ContentEffectivenessPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            NotAvailable = minutesAvailable ? RatingPaths : [.. RatingPaths, TimeSpentPath],
            OverallEffectiveness = Round3(overall),
            ContentTypes = types.Select(t => t.Entry).ToArray(),
            EffectivenessHistory = Enumerable.Range(0, HistoryPoints)
                .Select(i => end.AddDays(-HistoryStepDays * (HistoryPoints - 1 - i)))
                .Select(day => (Date: day, Value: Overall(Contributions(assessments, day.AddDays(-spanDays + 1), day))))
                .Where(p => p.Value is not null)
                .Select(p => new EffectivenessPoint(p.Date, Numbers.Round(p.Value!.Value, 3)))
                .ToArray(),
            TopPerformingContent = perItem
                .Where(p => Numbers.Exact(p.Effectiveness) >= settings.TopEffectiveness)
                .OrderByDescending(p => Numbers.Exact(p.Effectiveness))
                .ThenBy(p => p.Item.Id, StringComparer.Ordinal)
                .Take(ListSize)
                .Select(p => ItemRow(p.Item, p.Effectiveness))
                .ToArray(),
            UnderperformingContent = perItem
                .Where(p => Numbers.Exact(p.Effectiveness) < settings.LowEffectiveness)
                .OrderBy(p => Numbers.Exact(p.Effectiveness))
                .ThenBy(p => p.Item.Id, StringComparer.Ordinal)
                .Take(ListSize)
                .Select(p => ItemRow(p.Item, p.Effectiveness))
                .ToArray(),
            Recommendations = Recommend(types, overall, settings),
        };
    }

    private static ContentEffectivenessPayload Empty(DateOnly asOf) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        DataStatus = DataStatuses.NoData,
        ContentTypes = [],
        EffectivenessHistory = [],
        TopPerformingContent = [],
        UnderperformingContent = [],
        Recommendations = [],
    };

    /// <summary>
    /// Each scored assessment of the scope with its first submission day, its attempts, and the filtered items of its unit
    /// (the topic when both have one, else the course) that the learner opened on or before that day (activity is daily).
    /// </summary>
    private static Assessed[] Assess(
        IReadOnlyList<ContentSubmission> submissions, HashSet<string> scopeCourses, ContentItem[] items, ContentActivity[] itemActivity, DateOnly asOf)
    {
        var firstOpened = itemActivity
            .Where(a => a.Events > 0)
            .GroupBy(a => a.ContentItemId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(a => a.Day), StringComparer.Ordinal);
        return submissions
            .Where(s => s.SubmittedOn <= asOf && scopeCourses.Contains(s.CourseId))
            .GroupBy(s => s.AssessmentId, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.Min(s => s.SubmittedOn);
                var unit = g.First();
                var opened = items
                    .Where(i => SameUnit(i, unit) && firstOpened.TryGetValue(i.Id, out var day) && day <= first)
                    .ToArray();
                return new Assessed(first, g.Where(s => s.ScorePct is not null).ToArray(), opened);
            })
            .Where(a => a.Items.Length > 0)
            .ToArray();
    }

    private static bool SameUnit(ContentItem item, ContentSubmission assessment) =>
        item.TopicId is not null && assessment.TopicId is not null
            ? item.TopicId == assessment.TopicId
            : item.CourseId == assessment.CourseId;

    /// <summary>The assessments first submitted in [from, to] with their best score (ratio) over the attempts up to <paramref name="to"/>.</summary>
    private static Contribution[] Contributions(Assessed[] assessments, DateOnly from, DateOnly to) =>
        assessments
            .Where(a => a.FirstSubmittedOn >= from && a.FirstSubmittedOn <= to)
            .Select(a => (a, Scores: a.Scored.Where(s => s.SubmittedOn <= to).Select(s => s.ScorePct!.Value).ToArray()))
            .Where(p => p.Scores.Length > 0)
            .Select(p => new Contribution(p.Scores.Max() / 100, p.a.Items))
            .ToArray();

    /// <summary>overall = the per-type means weighted by their contributing assessments = the mean over (type, assessment) pairs.</summary>
    private static double? Overall(Contribution[] contributions) =>
        Mean(contributions.SelectMany(c => c.Items.Select(i => i.Type).Distinct(StringComparer.Ordinal).Select(_ => c.Best)));

    private static TypeResult TypeEntry(
        string type,
        ContentItem[] items,
        ContentActivity[] itemActivity,
        Contribution[] current,
        DateOnly from,
        DateOnly end,
        HashSet<DateOnly> activeDays,
        bool minutesAvailable,
        ContentEffectivenessSettings settings)
    {
        var ids = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var own = itemActivity.Where(a => ids.Contains(a.ContentItemId)).ToArray();
        var inPeriod = own.Where(a => a.Day >= from).ToArray();
        var completed = items.Count(i => IsCompleted(i, inPeriod.Where(a => a.ContentItemId == i.Id).ToArray(), settings));
        var opened = inPeriod.Where(a => a.Events > 0).Select(a => a.ContentItemId).Distinct(StringComparer.Ordinal).Count();
        var touchedDays = own.Where(a => a.Events > 0 && activeDays.Contains(a.Day)).Select(a => a.Day).Distinct().Count();
        var lastAccessed = own.Where(a => a.Events > 0).Select(a => (DateOnly?)a.Day).Max();
        var effectiveness = Mean(current.Where(c => c.Items.Any(i => i.Type == type)).Select(c => c.Best));

        var completion = (double)completed / items.Length;
        var entry = new ContentTypeEffectiveness(
            "type-" + type,
            DisplayName(type),
            Round3(effectiveness),
            Numbers.Round(completion, 3),
            activeDays.Count == 0 ? null : Numbers.Round((double)touchedDays / activeDays.Count, 3),
            completed,
            items.Length,
            null,
            minutesAvailable ? inPeriod.Sum(a => a.Minutes ?? 0) : null,
            lastAccessed);
        return new TypeResult(type, entry, effectiveness, completion, items.Length - opened);
    }

    /// <summary>Completed: ≥ 80 % of the duration in minutes when both are known, else at least one event.</summary>
    private static bool IsCompleted(ContentItem item, ContentActivity[] activity, ContentEffectivenessSettings settings)
    {
        var minutes = activity.Where(a => a.Minutes is not null).Select(a => a.Minutes!.Value).ToArray();
        return item.DurationSeconds is > 0 && minutes.Length > 0
            ? Numbers.Exact(minutes.Sum()) >= Numbers.Exact(settings.CompletionMinutesShare * item.DurationSeconds.Value / 60.0)
            : activity.Any(a => a.Events > 0);
    }

    /// <summary>CE1 (scores higher after a little-opened type), CE2 (little completed), CE3 (low scores after a type).</summary>
    private static ContentRecommendation[] Recommend(TypeResult[] types, double? overall, ContentEffectivenessSettings settings)
    {
        var high = new List<ContentRecommendation>();
        var medium = new List<ContentRecommendation>();
        var low = new List<ContentRecommendation>();
        foreach (var (type, entry, effectiveness, completion, unopened) in types)
        {
            if (effectiveness is { } value && overall is { } mean
                && Numbers.Exact(value) >= Numbers.Exact(mean + settings.HigherAfterMargin)
                && Numbers.Exact(completion) < settings.HigherAfterMaxCompletion)
            {
                high.Add(new ContentRecommendation(type, "high",
                    string.Create(CultureInfo.InvariantCulture, $"Scores are higher after {type} content; {unopened} of {entry.TotalContent} unopened.")));
            }

            if (Numbers.Exact(completion) < settings.LowCompletion && entry.TotalContent >= settings.LowCompletionMinItems)
            {
                medium.Add(new ContentRecommendation(type, "medium",
                    string.Create(CultureInfo.InvariantCulture, $"Only {entry.CompletedContent} of {entry.TotalContent} {type} items completed; open them.")));
            }

            if (effectiveness is { } score && Numbers.Exact(score) < settings.LowEffectiveness)
            {
                low.Add(new ContentRecommendation(type, "low",
                    string.Create(CultureInfo.InvariantCulture,
                        $"Scores after {type} content are low ({Numbers.RoundToInt(100 * score)} %); pair it with practice.")));
            }
        }

        return [.. high, .. medium, .. low];
    }

    private static ContentItemEffectiveness ItemRow(ContentItem item, double effectiveness) =>
        new(item.Id, item.Title ?? $"{DisplayName(item.Type)} · {item.TopicTitle ?? item.CourseTitle}", item.Type, Numbers.Round(effectiveness, 3), null);

    private static string DisplayName(string type) => string.Concat(char.ToUpperInvariant(type[0]).ToString(), type[1..]);

    private static double? Mean(IEnumerable<double> values)
    {
        var list = values.ToArray();
        return list.Length == 0 ? null : list.Average();
    }

    private static double? Round3(double? value) => value is { } v ? Numbers.Round(v, 3) : null;

    private sealed record TypeResult(string Type, ContentTypeEffectiveness Entry, double? Effectiveness, double Completion, int Unopened);

    private sealed record Assessed(DateOnly FirstSubmittedOn, ContentSubmission[] Scored, ContentItem[] Items);

    private sealed record Contribution(double Best, ContentItem[] Items);
}
