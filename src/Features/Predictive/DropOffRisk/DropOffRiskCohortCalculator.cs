using System.Globalization;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.DropOffRisk;

/// <summary>
/// The cohort form of `drop-off-risk@1.0` (ANALYTICS.md §5.1 "trainer-cohort and org-cohort"): with at least k scored learners,
/// the mean risk, mean E, median days since the last activity, mean trend, weekly cohort means, counted warning signals
/// (severity by share), cohort interventions, the distribution, opted-out count and the top 20 High/Critical learners; per-course
/// `enrolments[]` rows below k are removed and counted. Below k, the suppressed response of §0.5.
/// </summary>
public static class DropOffRiskCohortCalculator
{
    private const int AtRiskLearners = 20;
    private const int MaxInterventions = 4;

    public static (DropOffRiskPayload Payload, SuppressionInfo? Suppression) Compute(
        DateOnly asOf, DropOffCohort cohort, DropOffRiskScorer scorer, string organisationId)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(scorer);
        var k = cohort.MinGroupSize;
        var scored = cohort.ScoredLearners;
        // The second check of k (the first is the member read): a cohort below k is withheld whole.
        if (scored.Count < k)
        {
            return (Suppressed(asOf, scorer, organisationId, k), SuppressionInfo.WholeGroup(k));
        }

        var settings = scorer.Settings;
        var n = scored.Count;
        var names = cohort.Members.ToDictionary(m => m.UserId, m => m.DisplayName, StringComparer.Ordinal);
        var risk = Numbers.RoundToInt(scored.Average(l => l.Risk!.Value));
        var engagement = scored.Where(l => l.Engagement is not null).Select(l => (double)l.Engagement!.Value).ToArray();
        var days = scored.Where(l => l.DaysSinceLastActivity is not null).Select(l => (double)l.DaysSinceLastActivity!.Value).ToArray();
        var trends = scored.Where(l => l.RiskWeekEarlier is not null).Select(l => (double)(l.Risk!.Value - l.RiskWeekEarlier!.Value)).ToArray();

        var courses = scored.SelectMany(l => l.Scored.Select(s => (Learner: l.UserId, s.Enrolment.CourseId, s.Enrolment.CourseTitle, s.Score.Risk)))
            .GroupBy(x => x.CourseId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var shownCourses = courses.Where(g => g.Select(x => x.Learner).Distinct(StringComparer.Ordinal).Count() >= k).ToArray();

        var blockEngagement = Enumerable.Range(0, DropOffRiskEvaluation.PatternBlocks)
            .Select(i => MeanAtLeastK(scored.Select(l => l.BlockEngagement[i]), k)).ToArray();
        var blockRisks = Enumerable.Range(0, DropOffRiskEvaluation.PatternBlocks)
            .Select(i => MeanAtLeastK(cohort.Learners.Select(l => l.BlockRisks[i]), k)).ToArray();
        var (patterns, durations) = DropOffRiskCalculator.Patterns(asOf, blockEngagement, blockRisks, cohort.Blocks, n);

        var critical = scored.Count(l => DropOffRiskLevels.Of(l.Risk!.Value) == DropOffRiskLevels.Critical);
        var high = scored.Count(l => DropOffRiskLevels.Of(l.Risk!.Value) == DropOffRiskLevels.High);
        var medium = scored.Count(l => DropOffRiskLevels.Of(l.Risk!.Value) == DropOffRiskLevels.Medium);
        var counts = new Counts(
            Inactive14: scored.Count(l => l.DaysSinceLastActivity >= 14),
            Inactive7: scored.Count(l => l.DaysSinceLastActivity is >= 7 and < 14),
            LowEngagement: scored.Count(l => l.Engagement < settings.LowEngagement),
            Decline: scored.Count(l => l.Decline),
            Missing: scored.Count(l => l.MissingSubmissions >= 1),
            LowScores: scored.Count(l => l.MeanScore is { } m && Numbers.Exact(m) < 60),
            CriticalOrHigh: critical + high,
            NoProgress: scored.Count(l => l.Top!.Score.NoProgress));

        var payload = new DropOffRiskPayload
        {
            DefinitionVersion = DropOffRiskCalculator.DefinitionVersion,
            AsOf = asOf,
            DataStatus = DataStatuses.Ok,
            NotAvailable = durations ? [] : [DropOffRiskCalculator.DurationPath],
            Scored = true,
            Reason = null,
            RiskLevel = DropOffRiskLevels.Of(risk),
            RiskAssessment = new DropOffRiskAssessment(
                risk,
                engagement.Length >= k ? Numbers.RoundToInt(engagement.Average()) : null,
                days.Length >= k ? Numbers.RoundToInt(DropOffPeerMedians.Median(days)) : null,
                trends.Length >= k ? Numbers.RoundToInt(trends.Average()) : null),
            Enrolments = shownCourses
                .Select(g =>
                {
                    var courseRisk = Numbers.RoundToInt(g.Average(x => x.Risk));
                    return new DropOffRiskEnrolment(g.Key, g.First().CourseTitle, courseRisk, DropOffRiskLevels.Of(courseRisk));
                })
                .ToArray(),
            EngagementPatterns = patterns,
            WarningSignals = Signals(counts, n),
            InterventionRecommendations = Interventions(counts),
            Factors = Factors(counts, n, settings),
            ModelCard = scorer.Card(organisationId, scored.Sum(l => l.Scored.Count)),
            Distribution = new DropOffRiskDistribution(critical, high, medium, n - critical - high - medium),
            OptedOutCount = cohort.OptedOutCount,
            AtRiskLearners = AtRiskRows.Sort(
                    scored.Where(l => DropOffRiskLevels.IsHighOrCritical(l.Risk!.Value))
                        .Select(l => AtRiskRows.Of(l, names.GetValueOrDefault(l.UserId, l.UserId)).OrderByDescending(r => r.RiskScore).First()),
                    AtRiskQuery.DefaultSort)
                .Take(AtRiskLearners)
                .ToArray(),
        };
        return (payload, SuppressionInfo.Segments(k, courses.Length - shownCourses.Length));
    }

    /// <summary>§0.5 whole response: every aggregate null, every list [], `suppressed: true` and the message; no count that sizes the group.</summary>
    public static DropOffRiskPayload Suppressed(DateOnly asOf, DropOffRiskScorer scorer, string organisationId, int minGroupSize)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        return DropOffRiskCalculator.Empty(asOf, null, scorer.Card(organisationId, null)) with
        {
            DataStatus = DataStatuses.Ok,
            Reason = null,
            Distribution = new DropOffRiskDistribution(null, null, null, null),
            AtRiskLearners = [],
            Suppressed = true,
            Message = SuppressionInfo.MessageFor(minGroupSize),
        };
    }

    private static int? MeanAtLeastK(IEnumerable<int?> values, int k)
    {
        var present = values.Where(v => v is not null).Select(v => (double)v!.Value).ToArray();
        return present.Length >= k ? Numbers.RoundToInt(present.Average()) : null;
    }

    private static string Severity(int count, int n)
    {
        var share = Numbers.Exact(count / (double)n);
        return share >= 0.20 ? "High" : share >= 0.10 ? "Medium" : "Low";
    }

    private static DropOffWarningSignal[] Signals(Counts c, int n)
    {
        var signals = new List<DropOffWarningSignal>();
        void Add(string type, int count, string what)
        {
            if (count > 0)
            {
                var severity = Severity(count, n);
                signals.Add(new DropOffWarningSignal(type, severity, Text($"{count} learners {what}."), severity, null));
            }
        }

        Add("Inactivity", c.Inactive14 + c.Inactive7, "inactive ≥ 7 days");
        Add("Low engagement", c.LowEngagement, "with engagement below 50");
        Add("Declining velocity", c.Decline, "with declining velocity");
        Add("Missed deadlines", c.Missing, "with missed deadlines");
        Add("Low scores", c.LowScores, "with a mean score below 60");
        return [.. signals];
    }

    private static DropOffIntervention[] Interventions(Counts c)
    {
        var list = new List<DropOffIntervention>();
        if (c.CriticalOrHigh > 0)
        {
            list.Add(new DropOffIntervention("Personal outreach", "High", Text($"{c.CriticalOrHigh} learners are at High or Critical risk."),
                Text($"Contact the {c.CriticalOrHigh} Critical/High learners."), "within 24 hours"));
        }

        if (c.Inactive14 > 0)
        {
            list.Add(new DropOffIntervention("Re-engagement message", "High", Text($"{c.Inactive14} learners inactive ≥ 14 days."),
                Text($"Send the {c.Inactive14} inactive learners a re-engagement message."), "48 hours"));
        }
        else if (c.Inactive7 > 0)
        {
            list.Add(new DropOffIntervention("Reminder", "Medium", Text($"{c.Inactive7} learners inactive 7–13 days."),
                Text($"Remind the {c.Inactive7} learners of their next unit."), "this week"));
        }

        if (c.Missing > 0)
        {
            list.Add(new DropOffIntervention("Deadline support", "High", Text($"{c.Missing} learners have missing submissions."),
                Text($"Offer deadline support to the {c.Missing} learners."), "before the next due date"));
        }

        if (c.LowScores > 0)
        {
            list.Add(new DropOffIntervention("Tutoring on the weakest topic", "High", Text($"{c.LowScores} learners score below 60 on average."),
                "Run a tutoring session on the weakest topic.", "this week"));
        }

        if (c.LowEngagement > 0)
        {
            list.Add(new DropOffIntervention("Study plan", "Medium", Text($"{c.LowEngagement} learners have engagement below 50."),
                Text($"Help the {c.LowEngagement} learners set up a study plan."), "this week"));
        }

        if (c.Decline > 0)
        {
            list.Add(new DropOffIntervention("Pacing check-in", "Medium", Text($"{c.Decline} learners slowed down."),
                Text($"Check in on pacing with the {c.Decline} learners."), "this week"));
        }

        return [.. list.Take(MaxInterventions)];
    }

    /// <summary>Under the rule, a cohort's factors are the conditions, each with the share of scored learners it applies to.</summary>
    private static DropOffRiskFactor[] Factors(Counts c, int n, DropOffRiskSettings settings)
    {
        var factors = new List<DropOffRiskFactor>();
        void Add(string factor, string label, int count, int points)
        {
            if (count > 0)
            {
                factors.Add(new DropOffRiskFactor(factor, label, Numbers.Round(count / (double)n, 3), null, null, "raises", points));
            }
        }

        Add("engagement", Text($"Share of learners with engagement below {settings.LowEngagement}"), c.LowEngagement, settings.LowEngagementPoints);
        Add("velocityDecline", "Share of learners with a velocity decline", c.Decline, settings.DeclinePoints);
        Add("noProgress7d", "Share of learners without progress in 7 days", c.NoProgress, settings.NoProgressPoints);
        return [.. factors.OrderByDescending(f => f.Contribution * f.Value!.Value)];
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Counts(int Inactive14, int Inactive7, int LowEngagement, int Decline, int Missing, int LowScores, int CriticalOrHigh, int NoProgress);
}
