using System.Globalization;
using Analytics.Api.Features.TrainerAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.TrainerAnalytics.TeachingEffectiveness;

/// <summary>
/// Teaching effectiveness, `teaching-effectiveness@1.0` (ANALYTICS.md §2.4): satisfaction, pass rate and completion over the
/// trainer's courses, combined into a score; strengths and improvement areas by z against the organisation's other trainers
/// (peers with ≥ k learners), or against fixed targets when fewer than k peers have the metric.
/// </summary>
public static class TeachingEffectivenessCalculator
{
    public const string DefinitionVersion = "teaching-effectiveness@1.0";

    public const string Satisfaction = "satisfaction";
    public const string PassRate = "passRate";
    public const string Completion = "completion";

    private static readonly string[] EngagementPaths =
        ["metrics.engagement.responseTime", "metrics.engagement.feedbackQuality", "metrics.engagement.availabilityScore"];

    private static readonly string[] SatisfactionPaths =
        ["metrics.studentSatisfaction.score", "metrics.studentSatisfaction.totalReviews", "metrics.studentSatisfaction.trend"];

    /// <param name="subject">The trainer over the courses in scope; null when none of them has an enrolment yet.</param>
    /// <param name="peers">The organisation's other trainers over all their courses.</param>
    /// <param name="improvements">Per learner with ≥ 4 scores: mean of the last 2 minus mean of the first 2.</param>
    public static TeachingEffectivenessPayload Compute(
        DateOnly asOf,
        TrainerOutcome? subject,
        IReadOnlyList<TrainerOutcome> peers,
        IReadOnlyList<double> improvements,
        SkillAcquisition skills,
        int minGroupSize,
        bool providesFeedback,
        TeachingEffectivenessSettings settings)
    {
        var k = minGroupSize;
        if (subject is null || subject.Learners == 0)
        {
            return Empty(asOf, providesFeedback);
        }

        if (subject.Learners < k)
        {
            return Suppressed(asOf, providesFeedback, k);
        }

        var rating = MeanRating(subject, k);
        var satisfaction = rating is { } r ? 100 * (r - 1) / 4 : (double?)null;
        var passRate = PassRateOf(subject, k);
        var completion = CompletionOf(subject);
        (string Name, double? Value, double Weight)[] parts =
        [
            (Satisfaction, satisfaction, settings.SatisfactionWeight),
            (PassRate, passRate, settings.PassRateWeight),
            (Completion, completion, settings.CompletionWeight),
        ];
        var used = parts.Where(p => p.Value is not null && p.Weight > 0).ToArray();
        int? overall = used.Length == 0 ? null : Numbers.RoundToInt(used.Sum(p => p.Weight * p.Value!.Value) / used.Sum(p => p.Weight));

        var visiblePeers = peers.Where(p => p.Learners >= k).ToArray();
        var comparisons = new[]
        {
            Compare("Student satisfaction", rating, visiblePeers.Select(p => MeanRating(p, k)), settings.RatingTarget, string.Empty, settings, k),
            Compare("Pass rate", passRate, visiblePeers.Select(p => PassRateOf(p, k)), settings.PassRateTargetPct, " %", settings, k),
            Compare("Completion rate", completion, visiblePeers.Select(CompletionOf), settings.CompletionTargetPct, " %", settings, k),
        };

        return new TeachingEffectivenessPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = asOf,
            DataStatus = used.Length == parts.Length ? DataStatuses.Ok : DataStatuses.Partial,
            NotAvailable = NotAvailable(providesFeedback),
            ComponentsUsed = used.Select(p => p.Name).ToArray(),
            OverallScore = overall,
            Metrics = new TeachingMetrics(
                new StudentSatisfaction(Round1(rating), providesFeedback ? subject.Ratings : null, RatingTrend(subject, k, settings)),
                new LearningOutcomes(
                    improvements.Count >= k ? Numbers.Round(improvements.Average(), 1) : null,
                    skills.Learners >= k && skills.Pairs > 0 ? Numbers.Round(100.0 * skills.Acquired / skills.Pairs, 1) : null,
                    Round1(completion)),
                new TeachingEngagement(null, null, null)),
            Strengths = comparisons.Where(c => c.Strength).Select(c => c.Text).ToArray(),
            ImprovementAreas = comparisons.Where(c => c.Improvement).Select(c => c.Text).ToArray(),
            Components = new TeachingComponents(Round1(satisfaction), Round1(passRate), Round1(completion)),
        };
    }

    public static TeachingEffectivenessPayload Empty(DateOnly asOf, bool providesFeedback) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        DataStatus = DataStatuses.NoData,
        NotAvailable = NotAvailable(providesFeedback),
        Metrics = new TeachingMetrics(
            new StudentSatisfaction(null, null, null), new LearningOutcomes(null, null, null), new TeachingEngagement(null, null, null)),
        Strengths = [],
        ImprovementAreas = [],
        Components = new TeachingComponents(null, null, null),
    };

    public static TeachingEffectivenessPayload Suppressed(DateOnly asOf, bool providesFeedback, int minGroupSize) =>
        Empty(asOf, providesFeedback) with
        {
            DataStatus = DataStatuses.Ok,
            Suppressed = true,
            Message = SuppressionInfo.MessageFor(minGroupSize),
        };

    /// <summary>
    /// z = (value − peer mean) / peer SD (population SD; 0 when SD = 0): z ≥ +0.5 is a strength, z ≤ −0.5 an improvement area.
    /// With fewer than k peers holding the metric, the value is compared with its fixed target instead.
    /// </summary>
    public static (bool Strength, bool Improvement, string Text) Compare(
        string metric, double? value, IEnumerable<double?> peerValues, double target, string unit,
        TeachingEffectivenessSettings settings, int minGroupSize)
    {
        if (value is not { } v)
        {
            return (false, false, string.Empty);
        }

        var shown = Numbers.Round(v, 1).ToString("0.0", CultureInfo.InvariantCulture) + unit;
        var peers = peerValues.OfType<double>().ToArray();
        if (peers.Length < minGroupSize)
        {
            var meets = Numbers.Exact(v) >= target;
            var goal = target.ToString("0.0", CultureInfo.InvariantCulture) + unit;
            return (meets, !meets, meets
                ? $"{metric} {shown} meets the target of {goal}."
                : $"{metric} {shown} is below the target of {goal}.");
        }

        var mean = peers.Average();
        var sd = Math.Sqrt(peers.Sum(p => (p - mean) * (p - mean)) / peers.Length);
        var z = Numbers.Exact(sd == 0 ? 0 : (v - mean) / sd);
        var zText = Numbers.Round(z, 2).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
        var peerMean = Numbers.Round(mean, 1).ToString("0.0", CultureInfo.InvariantCulture) + unit;
        if (z >= settings.StrengthZ)
        {
            return (true, false, $"{metric} {shown} is above the organisation's other trainers ({peerMean}; z = {zText}).");
        }

        return z <= -settings.StrengthZ
            ? (false, true, $"{metric} {shown} is below the organisation's other trainers ({peerMean}; z = {zText}).")
            : (false, false, string.Empty);
    }

    /// <summary>Mean rating (1–5); a statistic over raters, so it needs k of them.</summary>
    private static double? MeanRating(TrainerOutcome outcome, int k) =>
        outcome.Raters >= k && outcome.Ratings > 0 ? (double)outcome.RatingSum / outcome.Ratings : null;

    /// <summary>The share of (learner, assessment) pairs passed, over k or more learners.</summary>
    private static double? PassRateOf(TrainerOutcome outcome, int k) =>
        outcome.ScoredLearners >= k && outcome.Pairs > 0 ? 100.0 * outcome.PassedPairs / outcome.Pairs : null;

    /// <summary>As in course performance, over all the courses: completed / (completed + withdrawn + active past E(e)).</summary>
    private static double? CompletionOf(TrainerOutcome outcome)
    {
        var finished = outcome.Completed + outcome.Withdrawn + outcome.OverdueActive;
        return finished == 0 ? null : 100.0 * outcome.Completed / finished;
    }

    /// <summary>Mean rating of the last 90 days against the 90 before: beyond ±0.2 is a trend; needs k raters in each window.</summary>
    private static string? RatingTrend(TrainerOutcome outcome, int k, TeachingEffectivenessSettings settings)
    {
        if (outcome.RecentRaters < k || outcome.PreviousRaters < k)
        {
            return null;
        }

        var change = Numbers.Exact(((double)outcome.RecentRatingSum / outcome.RecentRatings) - ((double)outcome.PreviousRatingSum / outcome.PreviousRatings));
        return change > settings.RatingTrendBand ? "increasing" : change < -settings.RatingTrendBand ? "decreasing" : "stable";
    }

    private static string[] NotAvailable(bool providesFeedback) =>
        providesFeedback ? EngagementPaths : [.. SatisfactionPaths, .. EngagementPaths];

    private static double? Round1(double? value) => value is { } v ? Numbers.Round(v, 1) : null;
}
