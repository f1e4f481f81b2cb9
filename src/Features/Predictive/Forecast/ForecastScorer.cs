using Analytics.Api.Features.Predictive.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>
/// The forecast's scorer: the one place a prediction is made, so a served model (ANALYTICS.md §5.2 "Score model", and 1 − p of
/// the drop-off model for completion) replaces it here without touching the payload code. No model is trained in this codebase
/// yet, so every prediction is the transparent fallback `rule-forecast@1` of §5.2 and the cards say so.
/// </summary>
/// <remarks>
/// When the organisation's drop-off model is served, the completion probability of an enrolment is 1 − p of that model at the
/// reference date (§5.2 "Completion probability"), given per course in <paramref name="modelCompletion"/>, and the completion
/// card is the model's.
/// </remarks>
public sealed class ForecastScorer(
    ForecastSettings settings,
    IReadOnlyDictionary<string, double>? modelCompletion = null,
    ModelCard? completionCard = null,
    IReadOnlyDictionary<string, double>? modelScore = null,
    ModelCard? scoreCard = null)
{
    public const string RuleId = "rule-forecast@1";
    public const string NoModel = "no-model";

    /// <summary>
    /// rule-forecast@1 (ANALYTICS.md §5.2): predictedScore = clamp(0, 100, mean(last 3) + 2·slope(last ≤ 10)), with fewer than 3
    /// scores the mean of all and slope 0, none null; weeksToComplete = ceil(remaining / max(0.5, v_30·ρ)) + breakWeeks;
    /// completionProbability = clamp(0, 1, 0.8 − 0.1·[weeks &gt; 8] − 0.2·[days since progress &gt; 7] − 0.2·failRate);
    /// σ = the SD of the learner's scores (n ≥ 3), else Forecast:DefaultSigma.
    /// </summary>
    public ForecastPrediction Predict(ForecastFeatures features, ForecastScenario scenario, string? courseId = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(scenario);
        var scores = features.Scores;
        double? predicted = null;
        if (scores.Count is > 0 and < 3)
        {
            predicted = scores.Average();
        }
        else if (scores.Count >= 3)
        {
            var slope = ForecastStatistics.Slope(scores.TakeLast(10).ToArray()) ?? 0;
            predicted = Math.Clamp(scores.TakeLast(3).Average() + (2 * slope), 0, 100);
        }

        // ρ = planned hours / observed weekly hours of the last 4 weeks (or Forecast:BaselineHours); 1 without the scenario.
        var rho = scenario.WeeklyStudyHours is { } planned ? planned / (features.ObservedWeeklyHours ?? settings.BaselineHours) : 1;
        var pace = Math.Max(0.5, features.UnitsPerWeek30 * rho);
        var weeks = (int)Math.Ceiling(Numbers.Exact(features.RemainingUnits / pace)) + (scenario.BreakWeeks ?? 0);

        var inactive = features.DaysSinceLastProgress is not { } days || days > 7;
        var probability = courseId is not null && modelCompletion is not null && modelCompletion.TryGetValue(courseId, out var fromModel)
            ? fromModel
            : Math.Clamp(0.8 - (weeks > 8 ? 0.1 : 0) - (inactive ? 0.2 : 0) - (0.2 * features.FailRate), 0, 1);

        var sigma = scores.Count >= 3 ? ForecastStatistics.PopulationSd(scores)!.Value : settings.DefaultSigma;
        if (courseId is not null && modelScore is not null && modelScore.TryGetValue(courseId, out var scored))
        {
            // the served score model (§5.2): its prediction, and σ = its holdout RMSE
            predicted = scored;
            sigma = scoreCard?.Evaluation?.Rmse ?? sigma;
        }

        return new ForecastPrediction(predicted, weeks, Numbers.Exact(probability), sigma);
    }

    /// <summary>
    /// The model-based confidence fields (ANALYTICS.md §5.2, percentages): forecast accuracy = the share of the score model's
    /// holdout predictions within ±10 points; model accuracy = 100 × the completion (drop-off) model's week-4 holdout ROC-AUC;
    /// reliability = 100 × max(0, its Brier skill). Null for a rule.
    /// </summary>
    public (double? ForecastAccuracy, double? ModelAccuracy, double? Reliability) ModelConfidence()
    {
        var accuracy = scoreCard?.Evaluation?.WithinBand is { } within ? 100 * within : (double?)null;
        var evaluation = completionCard?.Evaluation;
        var auc = evaluation?.RocAuc.GetValueOrDefault("week4") is { } a ? 100 * a : (double?)null;
        var reliability = evaluation?.Brier.GetValueOrDefault("week4") is { } brier && evaluation.BrierBaseline is { } baseline && baseline > 0
            ? 100 * Math.Max(0, 1 - (brier / baseline))
            : (double?)null;
        return (accuracy, auc, reliability);
    }

    /// <summary>The cards of the scorers used (ANALYTICS.md §5.1 "Model card"): both are the organisation's rule.</summary>
    public static ForecastModelCards ModelCards(string? organisationId, int ruleScorings) =>
        new(RuleCard(organisationId, "score", ruleScorings), RuleCard(organisationId, "completion", ruleScorings));

    /// <summary>
    /// The cards of this scorer for <paramref name="courseIds"/> scored: the score rule, and for completion the served drop-off
    /// model's card (scored by it for the courses it covers) or the rule.
    /// </summary>
    public ForecastModelCards ModelCards(string? organisationId, IReadOnlyCollection<string> courseIds)
    {
        var score = scoreCard is null || modelScore is null
            ? RuleCard(organisationId, "score", courseIds.Count)
            : FromModel(scoreCard, courseIds.Count(modelScore.ContainsKey), courseIds.Count);
        var completion = completionCard is null || modelCompletion is null
            ? RuleCard(organisationId, "completion", courseIds.Count)
            : FromModel(completionCard, courseIds.Count(modelCompletion.ContainsKey), courseIds.Count);
        return new ForecastModelCards(score, completion);
    }

    private static ForecastModelCard FromModel(ModelCard c, int byModel, int scorings) =>
        new(
            c.Id, c.Analytic, c.OrganisationId, c.Kind, c.Algorithm, c.Version, c.Status, c.InUse, c.Label, c.FeatureSet, c.TrainedAt,
            c.TrainingData is { } t ? new ForecastTrainingData(t.From, t.To, t.Enrolments, t.Positives) : null,
            c.Evaluation,
            new ForecastQualityGate(c.QualityGate.Metric, c.QualityGate.Thresholds, c.QualityGate.Passed, c.QualityGate.Status, c.QualityGate.Reasons),
            c.FallbackRule,
            c.Features.Select(f => new ForecastModelFeature(f.Name, f.Description, f.Importance)).ToArray(),
            c.Fairness, c.Limitations,
            FallbackUsed: false,
            FallbackReason: null,
            new ForecastScoredBy(byModel, scorings - byModel));

    private static ForecastModelCard RuleCard(string? organisationId, string target, int ruleScorings) => new(
        Id: null,
        Analytic: ForecastQuery.Analytic,
        OrganisationId: organisationId,
        Kind: "rule",
        Algorithm: RuleId,
        Version: RuleId,
        Status: "active",
        InUse: true,
        Label: target == "score" ? "exam-score" : "completion",
        FeatureSet: null,
        TrainedAt: null,
        TrainingData: null,
        Evaluation: null,
        QualityGate: target == "score"
            ? new ForecastQualityGate("mae", new Dictionary<string, double> { ["week8"] = 14 }, false, "not-evaluated", ["no model has been trained"])
            : new ForecastQualityGate("rocAuc", new Dictionary<string, double> { ["week4"] = 0.65, ["week8"] = 0.65 }, false, "not-evaluated",
                ["no model has been trained"]),
        FallbackRule: RuleId,
        Features: target == "score" ? ScoreFeatures : CompletionFeatures,
        Fairness: null,
        Limitations:
        [
            "A transparent rule, not a trained model: no holdout metrics exist.",
            target == "score"
                ? "The predicted score extrapolates the recent score trend of the course; it does not know the exam."
                : "The completion probability uses three fixed penalties (pace, inactivity, retries), not a calibrated probability.",
        ],
        FallbackUsed: true,
        FallbackReason: NoModel,
        ScoredBy: new ForecastScoredBy(0, ruleScorings));

    private static readonly ForecastModelFeature[] ScoreFeatures =
    [
        new("lastScores", "Mean of the last 3 non-banked scores in the course (all of them when fewer than 3).", null),
        new("scoreSlope", "OLS slope of the last 10 scores per attempt, counted twice (0 with fewer than 3 scores).", null),
    ];

    private static readonly ForecastModelFeature[] CompletionFeatures =
    [
        new("weeksToComplete", "Remaining units over max(0.5, v30 × ρ) weeks, plus break weeks; more than 8 weeks costs 0.1.", null),
        new("daysSinceLastProgress", "No progress event for more than 7 days costs 0.2.", null),
        new("failRate", "Share of the learner's attempts that were retries, times 0.2.", null),
    ];
}
