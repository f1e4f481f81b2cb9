using System.Globalization;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.DropOffRisk;

/// <summary>
/// Drop-off risk, `drop-off-risk@1.0` (ANALYTICS.md §5.1), for a learner subject: the risk assessment, enrolments, the 8 weekly
/// engagement patterns, warning signals, interventions (rules and order of §5.1, at most 4) and, under the rule, the factors =
/// its triggered conditions with the learner's value and the cohort median.
/// </summary>
public static class DropOffRiskCalculator
{
    public const string DefinitionVersion = "drop-off-risk@1.0";
    public const string OptedOut = "opted-out";
    public const string TooEarly = "too-early";
    public const string NoActiveEnrolment = "no-active-enrolment";
    public const string DurationPath = "engagementPatterns[].duration";

    private const int MaxInterventions = 4;

    /// <summary>The empty shape (nothing scored): opted out, too early or no active enrolment.</summary>
    public static DropOffRiskPayload Empty(DateOnly asOf, string? reason, DropOffModelCard card) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        DataStatus = DataStatuses.NoData,
        Scored = false,
        Reason = reason,
        RiskLevel = null,
        RiskAssessment = DropOffRiskAssessment.Empty,
        Enrolments = [],
        EngagementPatterns = [],
        WarningSignals = [],
        InterventionRecommendations = [],
        Factors = [],
        ModelCard = card,
    };

    public static DropOffRiskPayload Learner(
        DateOnly asOf,
        DropOffLearnerRisk learner,
        IReadOnlyDictionary<string, DropOffPeerMedians> medians,
        IReadOnlyList<DropOffBlockActivity> blocks,
        DropOffRiskScorer scorer,
        string organisationId)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(medians);
        ArgumentNullException.ThrowIfNull(scorer);
        var card = scorer.Card(organisationId, learner.Scored.Count);
        if (learner.Risk is not { } risk)
        {
            return Empty(asOf, learner.HasActiveEnrolment ? TooEarly : NoActiveEnrolment, card);
        }

        var settings = scorer.Settings;
        var level = DropOffRiskLevels.Of(risk);
        var top = learner.Top!;
        var topMedians = medians.GetValueOrDefault(top.Enrolment.CourseId);
        var (patterns, durations) = Patterns(asOf, learner.BlockEngagement, learner.BlockRisks, blocks, 1);
        var lowClicks = learner.Scored.Any(s => medians.GetValueOrDefault(s.Enrolment.CourseId) is { } m && s.ClicksWeek1 < m.ClicksWeek1 / 2);
        return new DropOffRiskPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            DataStatus = DataStatuses.Ok,
            NotAvailable = durations ? [] : [DurationPath],
            Scored = true,
            Reason = null,
            RiskLevel = level,
            RiskAssessment = new DropOffRiskAssessment(risk, learner.Engagement, learner.DaysSinceLastActivity, risk - learner.RiskWeekEarlier),
            Enrolments = learner.Scored
                .Select(s => new DropOffRiskEnrolment(s.Enrolment.CourseId, s.Enrolment.CourseTitle, s.Score.Risk, DropOffRiskLevels.Of(s.Score.Risk)))
                .ToArray(),
            EngagementPatterns = patterns,
            WarningSignals = Signals(learner, settings),
            InterventionRecommendations = Interventions(learner, level, lowClicks, settings),
            Factors = top.Score.Raised
                .Select(r => new DropOffRiskFactor(r.Factor, r.Label, r.Value, topMedians?.Of(r.Factor), topMedians?.Cohort, "raises", r.Points))
                .ToArray(),
            ModelCard = card,
        };
    }

    /// <summary>
    /// The 8 blocks ending at asOf − 7i, oldest first; <paramref name="learners"/> divides the minutes (1 for a learner, the scored
    /// learners for a cohort's mean). Returns whether minutes exist (else every duration is null and listed in notAvailable).
    /// </summary>
    public static (IReadOnlyList<DropOffEngagementPattern> Patterns, bool Durations) Patterns(
        DateOnly asOf, IReadOnlyList<int?> engagement, IReadOnlyList<int?> risks, IReadOnlyList<DropOffBlockActivity> blocks, int learners)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(risks);
        ArgumentNullException.ThrowIfNull(blocks);
        var durations = blocks.Any(b => b.MinuteRows > 0);
        var count = DropOffRiskEvaluation.PatternBlocks;
        var patterns = Enumerable.Range(0, count).Select(i =>
        {
            var block = count - 1 - i;
            var date = asOf.AddDays(-7 * block);
            var rows = blocks.Where(b => b.Block == block).ToArray();
            var activity = rows.Where(b => b.Events > 0).OrderByDescending(b => b.Events).ThenBy(b => b.Type, StringComparer.Ordinal)
                .Select(b => b.Type).FirstOrDefault() ?? "No activity";
            var minutes = rows.Sum(b => b.Minutes) / (double)Math.Max(1, learners);
            return new DropOffEngagementPattern(WeekLabel(date), engagement[i], risks[i], date, activity, durations ? Duration(minutes) : null);
        }).ToArray();
        return (patterns, durations);
    }

    /// <summary>ISO week label of a day (`2025-W47`).</summary>
    public static string WeekLabel(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    /// <summary>Σ minutes as "1.5h" (an hour or more, 1 dp) or "30m".</summary>
    public static string Duration(double minutes) =>
        Numbers.Exact(minutes) >= 60
            ? Numbers.Round(minutes / 60, 1).ToString("0.#", CultureInfo.InvariantCulture) + "h"
            : Numbers.RoundToInt(minutes).ToString(CultureInfo.InvariantCulture) + "m";

    private static DropOffWarningSignal[] Signals(DropOffLearnerRisk learner, DropOffRiskSettings settings)
    {
        var signals = new List<DropOffWarningSignal>();
        if (learner.DaysSinceLastActivity is { } days && days >= 7)
        {
            var severity = days >= 14 ? "High" : "Medium";
            signals.Add(new DropOffWarningSignal("Inactivity", severity, Text($"No progress for {days} days."), severity, Text($"{days} days")));
        }

        if (learner.Engagement is { } e && e < settings.LowEngagement)
        {
            var severity = e < 30 ? "High" : "Medium";
            signals.Add(new DropOffWarningSignal("Low engagement", severity, Text($"Engagement is {e}, below {settings.LowEngagement}."), severity,
                Text($"{learner.WeeksBelowLowEngagement} week{(learner.WeeksBelowLowEngagement == 1 ? string.Empty : "s")}")));
        }

        if (learner.Decline)
        {
            signals.Add(new DropOffWarningSignal("Declining velocity", "Medium",
                "Fewer units were completed in the last 7 days than in the 7 days before.", "Medium", "7 days"));
        }

        if (learner.MissingSubmissions >= 1)
        {
            var severity = learner.MissingSubmissions >= 2 ? "High" : "Medium";
            signals.Add(new DropOffWarningSignal("Missed deadlines", severity,
                Text($"{learner.MissingSubmissions} assessment(s) past their due date without a submission."), severity, null));
        }

        if (learner.MeanScore is { } mean && Numbers.Exact(mean) < 60)
        {
            var severity = Numbers.Exact(mean) < 40 ? "High" : "Medium";
            signals.Add(new DropOffWarningSignal("Low scores", severity, Text($"Mean score is {Numbers.Round(mean, 1)} %."), severity, null));
        }

        return [.. signals];
    }

    private static DropOffIntervention[] Interventions(DropOffLearnerRisk learner, string level, bool lowClicks, DropOffRiskSettings settings)
    {
        var list = new List<DropOffIntervention>();
        if (level == DropOffRiskLevels.Critical)
        {
            list.Add(new DropOffIntervention("Personal outreach", "High", "The drop-off risk is Critical.",
                "Contact the learner personally to understand what is in the way.", "within 24 hours"));
        }

        if (learner.DaysSinceLastActivity is >= 14)
        {
            list.Add(new DropOffIntervention("Re-engagement message", "High", Text($"No progress for {learner.DaysSinceLastActivity} days."),
                "Send a re-engagement message with a concrete next step.", "48 hours"));
        }
        else if (learner.DaysSinceLastActivity is >= 7)
        {
            list.Add(new DropOffIntervention("Reminder", "Medium", Text($"No progress for {learner.DaysSinceLastActivity} days."),
                "Send a reminder of the next unit and its due date.", "this week"));
        }

        if (learner.MissingSubmissions >= 1)
        {
            list.Add(new DropOffIntervention("Deadline support", "High", Text($"{learner.MissingSubmissions} submission(s) missing."),
                "Agree on a plan to catch up on the missing submissions.", "before the next due date"));
        }

        if (learner.MeanScore is { } mean && Numbers.Exact(mean) < 60)
        {
            list.Add(new DropOffIntervention("Tutoring on the weakest topic", "High", Text($"Mean score is {Numbers.Round(mean, 1)} %."),
                "Offer tutoring on the topic with the lowest scores.", "this week"));
        }

        if (learner.Engagement is { } e && e < settings.LowEngagement)
        {
            list.Add(new DropOffIntervention("Study plan", "Medium", Text($"Engagement is {e}."),
                "Set up a weekly study plan with fixed study times.", "this week"));
        }

        if (learner.Decline)
        {
            list.Add(new DropOffIntervention("Pacing check-in", "Medium", "Progress has slowed compared with the week before.",
                "Check in on pacing and workload.", "this week"));
        }

        if (lowClicks)
        {
            list.Add(new DropOffIntervention("Alternative formats", "Low", "Activity in the last week is below half of the cohort median.",
                "Suggest other content formats (video, practice, reading).", "within 2 weeks"));
        }

        return [.. list.Take(MaxInterventions)];
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
