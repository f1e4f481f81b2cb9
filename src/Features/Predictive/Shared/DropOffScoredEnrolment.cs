namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>An enrolment scored at the current cutoff, with its features there and its last progress day (course activity or submission).</summary>
public sealed record DropOffScoredEnrolment(DropOffHistory History, DropOffRiskScore Score, float[] Features, DateOnly? LastActivity)
{
    public DropOffEnrolment Enrolment => History.Enrolment;

    public int MissingSubmissions => (int)Features[12];

    /// <summary>clicksWeek1 as a count of events (the feature is ln(1 + events)).</summary>
    public double ClicksWeek1 => Math.Round(Math.Exp(Features[1]) - 1);
}
