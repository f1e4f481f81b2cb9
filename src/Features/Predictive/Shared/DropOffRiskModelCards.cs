namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// The model cards of drop-off predictions (API.md §4.4; ANALYTICS.md §5.1 "Model card"), built here only. No model has been
/// trained, so every prediction uses the organisation's rule card: kind `rule`, algorithm `rule-dropoff@1`, no training, every
/// metric null, the gate not evaluated, `fallbackUsed: true` with reason `no-model`.
/// </summary>
public static class DropOffRiskModelCards
{
    public const string NoModel = "no-model";

    private static readonly DropOffModelFeature[] RuleFeatures =
    [
        new("engagement", "The published integer engagement score (#3) on the day before the cutoff; below 50 adds 40 points.", null),
        new("velocityDecline", "Units completed in the last 7 days fell by more than 20 % from the 7 days before; adds 30 points.", null),
        new("noProgress7d", "No progress event (course activity, submission, unit) in the last 7 days; adds 30 points.", null),
    ];

    /// <summary>The card of a served model (DropOffModelStore's card) with how many enrolment scorings it made.</summary>
    public static DropOffModelCard Model(ModelCard card, int? modelScorings)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new DropOffModelCard(
            card.Id, card.Analytic, card.OrganisationId, card.Kind, card.Algorithm, card.Version, card.Status, card.InUse, card.Label,
            card.FeatureSet, card.TrainedAt, card.TrainingData, card.Evaluation,
            new DropOffQualityGate(card.QualityGate.Metric, card.QualityGate.Thresholds, card.QualityGate.Passed, card.QualityGate.Status, card.QualityGate.Reasons),
            card.FallbackRule,
            card.Features.Select(f => new DropOffModelFeature(f.Name, f.Description, f.Importance)).ToArray(),
            card.Fairness, card.Limitations,
            FallbackUsed: false,
            FallbackReason: null,
            ScoredBy: new DropOffScoredBy(modelScorings, modelScorings is null ? null : 0));
    }

    /// <summary>
    /// The rule card. <paramref name="latestGate"/> is the gate of the organisation's newest stored version when one exists: the
    /// rule then stands in for the reason it gives (`insufficient-data`, `failed`, or a passing model past its maximum age).
    /// </summary>
    public static DropOffModelCard Rule(string? organisationId, DropOffRiskSettings settings, int? ruleScorings, ModelQualityGate? latestGate = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var withdrawal = settings.Label is "withdrawal" or "dropout";
        var floor = withdrawal ? 0.60 : 0.65;
        return new DropOffModelCard(
            Id: null,
            Analytic: DropOffRiskQuery.Analytic,
            OrganisationId: organisationId,
            Kind: "rule",
            Algorithm: DropOffRiskScorer.RuleId,
            Version: DropOffRiskScorer.RuleId,
            Status: "active",
            InUse: true,
            Label: withdrawal ? "withdrawal" : "at-risk",
            FeatureSet: null,
            TrainedAt: null,
            TrainingData: null,
            Evaluation: null,
            QualityGate: latestGate is null
                ? new DropOffQualityGate("rocAuc", new Dictionary<string, double> { ["week4"] = floor, ["week8"] = floor }, false, "not-evaluated", ["no model has been trained"])
                : new DropOffQualityGate(latestGate.Metric, latestGate.Thresholds, latestGate.Passed, latestGate.Status, latestGate.Reasons),
            FallbackRule: DropOffRiskScorer.RuleId,
            Features: RuleFeatures,
            Fairness: null,
            Limitations:
            [
                "A transparent rule, not a trained model: no holdout metrics exist.",
                "Scores take only the values 0, 30, 40, 60, 70 and 100.",
            ],
            FallbackUsed: true,
            FallbackReason: latestGate is null ? NoModel : latestGate.Passed ? "model-too-old" : latestGate.Status,
            ScoredBy: new DropOffScoredBy(ruleScorings is null ? null : 0, ruleScorings));
    }

    /// <summary>The `model` of an at-risk list.</summary>
    public static AtRiskModel Summary(DropOffModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new AtRiskModel(card.Id, card.Kind, card.Version);
    }
}
