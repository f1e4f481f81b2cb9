namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>
/// The learner-wide facts of the rule (ANALYTICS.md §5.2): opt-out, the last progress event, attempts and retries (failRate), and
/// the study time of the last 4 weeks (session seconds, else activity minutes; null when the source sends none).
/// </summary>
public sealed record ForecastLearnerFacts(
    bool PredictiveOptOut, DateOnly? LastProgressOn, int Attempts, int Retries, double? SessionSeconds, double? ActivityMinutes)
{
    public static ForecastLearnerFacts None { get; } = new(false, null, 0, 0, null, null);

    /// <summary>failRate = the share of the learner's attempts with `attempt` &gt; 1 (0 without attempts).</summary>
    public double FailRate => Attempts == 0 ? 0 : (double)Retries / Attempts;

    /// <summary>Observed mean weekly hours of the last 4 weeks, or null when no duration was recorded (or it is zero).</summary>
    public double? ObservedWeeklyHours =>
        SessionSeconds is > 0 ? SessionSeconds.Value / 3600 / 4
        : ActivityMinutes is > 0 ? ActivityMinutes.Value / 60 / 4
        : null;
}
