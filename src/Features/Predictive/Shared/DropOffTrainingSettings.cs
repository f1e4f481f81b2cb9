namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// The training, holdout and quality-gate settings of ANALYTICS.md §5.1 (`DropOff:*`, defaults as specified): the label, the
/// holdout share, the minimum sizes, the gate weeks and AUC floors (per label), the lift over the rule, stability, Brier skill
/// and how long a passing model may serve after later retrains fail.
/// </summary>
public sealed record DropOffTrainingSettings(
    DropOffTarget Label,
    double HoldoutShare,
    int MinTrainEnrolments,
    int MinClassCount,
    int MinHoldoutEnrolments,
    int MinHoldoutClassCount,
    IReadOnlyList<int> GateWeeks,
    IReadOnlyList<double> MinAuc,
    double MinLiftOverRule,
    double MaxAucStdDev,
    double MinBrierSkill,
    int StabilityRuns,
    int MaxModelAgeDays)
{
    /// <summary>The weeks the card reports (`evaluation.predictionWeeks`).</summary>
    public static readonly IReadOnlyList<int> PredictionWeeks = [2, 4, 8, 12];

    public static DropOffTrainingSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("DropOff");
        var label = section["Label"] is { } value ? DropOffTargets.Parse(value) : DropOffTarget.AtRisk;
        if (label is not (DropOffTarget.AtRisk or DropOffTarget.Dropout))
        {
            throw new InvalidOperationException("DropOff:Label must be at-risk or withdrawal.");
        }

        double[] defaultAuc = label == DropOffTarget.Dropout ? [0.60, 0.60] : [0.65, 0.65];
        var aucKey = label == DropOffTarget.Dropout ? "MinAucWithdrawal" : "MinAucAtRisk";
        return new DropOffTrainingSettings(
            label,
            section.GetValue("HoldoutShare", 0.20),
            section.GetValue("MinTrainEnrolments", 500),
            section.GetValue("MinClassCount", 50),
            section.GetValue("MinHoldoutEnrolments", 200),
            section.GetValue("MinHoldoutClassCount", 30),
            section.GetSection("GateWeeks").Get<int[]>() is { Length: > 0 } weeks ? weeks : [4, 8],
            section.GetSection(aucKey).Get<double[]>() is { Length: > 0 } floors ? floors : defaultAuc,
            section.GetValue("MinLiftOverRule", 0.02),
            section.GetValue("MaxAucStdDev", 0.05),
            section.GetValue("MinBrierSkill", 0.0),
            section.GetValue("StabilityRuns", 10),
            section.GetValue("MaxModelAgeDays", 90));
    }

    /// <summary>The card's label: `at-risk` or `withdrawal` (the protocol's dropout).</summary>
    public string LabelName => Label == DropOffTarget.Dropout ? "withdrawal" : "at-risk";
}
