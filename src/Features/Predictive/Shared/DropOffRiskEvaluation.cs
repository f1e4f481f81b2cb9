namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// Evaluates learners from their drop-off histories (pure): scored population, the learner risk as the maximum over the scored
/// enrolments, the trend and pattern cutoffs re-scored with the same scorer, and the learner-level facts of ANALYTICS.md §5.1.
/// </summary>
public static class DropOffRiskEvaluation
{
    public const int PatternBlocks = 8;
    private const int EngagementPoints = 12;

    /// <summary>Active at asOf by the as-of status rule (DATA_MODEL.md §0), with the reader's cutoff rule (<see cref="DropOffEnrolment.IsActiveAt"/>).</summary>
    public static bool IsActive(DropOffEnrolment enrolment, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return (enrolment.EnrolledOn ?? enrolment.Start) <= asOf
               && enrolment.IsActiveAt(asOf.AddDays(1))
               && (enrolment.Status == "active" || enrolment.FinishedOn is not null);
    }

    /// <summary>In the scored population at cutoff c: active at c − 1 and c ≥ s(e) + MinDaysSinceStart.</summary>
    /// <summary>The lowest risk a cohort's scoring explains with a model (Medium, ANALYTICS.md §5.1 bands).</summary>
    public const int ExplainFrom = 40;

    public static bool IsScored(DropOffEnrolment enrolment, DateOnly cutoff, int minDaysSinceStart) =>
        IsActive(enrolment, cutoff.AddDays(-1)) && enrolment.Start.AddDays(minDaysSinceStart) <= cutoff;

    public static DropOffLearnerRisk Learner(
        string userId,
        IReadOnlyList<DropOffHistory> histories,
        IReadOnlyDictionary<DateOnly, int> engagement,
        DateOnly asOf,
        DropOffRiskScorer scorer,
        bool explainEvery = true)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(scorer);
        var minDays = scorer.Settings.MinDaysSinceStart;
        var cutoff = asOf.AddDays(1);
        int? E(DateOnly day) => engagement.TryGetValue(day, out var value) ? value : null;

        var scored = histories
            .Where(h => IsScored(h.Enrolment, cutoff, minDays))
            .Select(h => new DropOffScoredEnrolment(h, Current(h), DropOffFeatureBuilder.Build(h, cutoff), LastActivity(h, asOf)))
            .OrderBy(s => s.Enrolment.CourseId, StringComparer.Ordinal)
            .ToArray();

        // A cohort explains (a model's factors cost a model call per feature) only the enrolments at Medium risk or above, the rows
        // its at-risk lists show; a learner's own read explains every enrolment.
        DropOffRiskScore Current(DropOffHistory h)
        {
            var score = scorer.Score(h, cutoff, E(asOf), explain: explainEvery);
            return !explainEvery && scorer.UsesModel && score.Risk >= ExplainFrom ? scorer.Score(h, cutoff, E(asOf)) : score;
        }

        int? RiskAt(DateOnly day)
        {
            var at = day.AddDays(1);
            var risks = histories.Where(h => IsScored(h.Enrolment, at, minDays)).Select(h => scorer.Score(h, at, E(day), explain: false).Risk).ToArray();
            return risks.Length == 0 ? null : risks.Max();
        }

        var blocks = Enumerable.Range(0, PatternBlocks).Select(i => asOf.AddDays(-7 * (PatternBlocks - 1 - i))).ToArray();
        var active = histories.Where(h => IsActive(h.Enrolment, asOf)).ToArray();
        var scores = scored
            .SelectMany(s => s.History.Submissions.Where(x => x.SubmittedOn <= asOf && !x.Banked && x.Score is not null).Select(x => x.Score!.Value))
            .ToArray();
        var weeksBelow = 0;
        for (var i = 0; i < EngagementPoints && E(asOf.AddDays(-7 * i)) is { } e && e < scorer.Settings.LowEngagement; i++)
        {
            weeksBelow++;
        }

        return new DropOffLearnerRisk(
            userId,
            active.Length > 0,
            scored,
            scored.Length == 0 ? null : scored.Max(s => s.Score.Risk),
            E(asOf),
            scored.Length == 0 ? null : RiskAt(asOf.AddDays(-7)),
            blocks.Select(d => d == asOf ? (scored.Length == 0 ? null : scored.Max(s => s.Score.Risk)) : RiskAt(d)).ToArray(),
            blocks.Select(E).ToArray(),
            DaysSinceLastActivity(active, asOf),
            scored.Sum(s => s.MissingSubmissions),
            scores.Length == 0 ? null : scores.Average(),
            scored.Any(s => s.Score.Decline),
            weeksBelow);
    }

    /// <summary>asOf − the last progress event (any course, unit or submission or activity); since the earliest active s if there was none.</summary>
    private static int? DaysSinceLastActivity(DropOffHistory[] active, DateOnly asOf)
    {
        if (active.Length == 0)
        {
            return null;
        }

        var last = active.Select(h => LastActivity(h, asOf)).Where(d => d is not null).Select(d => d!.Value)
            .Concat(active.SelectMany(h => h.UnitDays).Where(d => d <= asOf))
            .DefaultIfEmpty(DateOnly.MinValue)
            .Max();
        if (last == DateOnly.MinValue)
        {
            var start = active.Min(h => h.Enrolment.Start);
            return Math.Max(0, asOf.DayNumber - start.DayNumber);
        }

        return asOf.DayNumber - last.DayNumber;
    }

    /// <summary>The last day up to asOf with course activity or a submission to the course.</summary>
    private static DateOnly? LastActivity(DropOffHistory history, DateOnly asOf)
    {
        DateOnly? last = null;
        foreach (var a in history.Activity)
        {
            if (a.Day <= asOf && a.Events > 0 && (last is null || a.Day > last))
            {
                last = a.Day;
            }
        }

        foreach (var s in history.Submissions)
        {
            if (s.SubmittedOn <= asOf && (last is null || s.SubmittedOn > last))
            {
                last = s.SubmittedOn;
            }
        }

        return last;
    }
}
