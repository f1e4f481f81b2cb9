using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// The drop-off scorer: the one place that turns an enrolment's history at a cutoff into a risk (ANALYTICS.md §5.1). With the
/// organisation's served model (<see cref="DropOffModelStore.ServedAsync"/>), risk = round(100·p) of the model on the features of
/// <see cref="DropOffFeatureBuilder"/>, and the factors are the features that raise p most: each feature's contribution is p minus
/// p with that feature at its training median, in risk points. Otherwise the transparent rule `rule-dropoff@1` of §5.1 A:
/// risk = min(100, 40·[E &lt; 50] + 30·[velocity decline] + 30·[no progress in 7 days]), E being the published integer engagement,
/// and the card says why the rule stands in (the newest stored version's gate, else no model). Every caller goes through this class.
/// </summary>
public sealed class DropOffRiskScorer(DropOffRiskSettings settings, ServedDropOffModel? served = null, ModelQualityGate? latestGate = null)
{
    /// <summary>How many risk-raising features a model score explains (Explain:TopFactors).</summary>
    public const int TopFactors = 3;

    private Func<float[], float>? _predict;

    /// <summary>The scorer of an organisation: its served model when one passed its gate and is young enough, else the rule.</summary>
    public static async Task<DropOffRiskScorer> ForAsync(
        DropOffModelStore store, string organisationId, DropOffRiskSettings settings, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var maxAge = DropOffTrainingSettings.From(configuration).MaxModelAgeDays;
        var served = await store.ServedAsync(organisationId, maxAge, cancellationToken);
        return served is not null
            ? new DropOffRiskScorer(settings, served)
            : new DropOffRiskScorer(settings, null, await store.LatestGateAsync(organisationId, maxAge, cancellationToken));
    }

    /// <summary>Whether a trained model scores (else the rule).</summary>
    public bool UsesModel => served is not null;
    public const string RuleId = "rule-dropoff@1";

    public DropOffRiskSettings Settings => settings;

    /// <summary>
    /// Scores the enrolment at cutoff c (rows dated before c only) with the engagement published for c − 1; a model score is
    /// explained (its factors computed) only when <paramref name="explain"/> is set.
    /// </summary>
    public DropOffRiskScore Score(DropOffHistory history, DateOnly cutoff, int? engagement, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (served is not null)
        {
            return ModelScore(history, cutoff, explain);
        }

        var raised = new List<DropOffRuleCondition>(3);
        if (engagement is { } e && e < settings.LowEngagement)
        {
            raised.Add(new DropOffRuleCondition("engagement", $"Engagement below {settings.LowEngagement}", e, settings.LowEngagementPoints));
        }

        var decline = DropOffFeatureBuilder.Declined(history.UnitDays, cutoff, settings.DeclineShare);
        if (decline)
        {
            raised.Add(new DropOffRuleCondition("velocityDecline", "Velocity decline over the last 7 days", 1, settings.DeclinePoints));
        }

        var noProgress = !DropOffFeatureBuilder.Progressed(history, cutoff);
        if (noProgress)
        {
            raised.Add(new DropOffRuleCondition("noProgress7d", "No progress in the last 7 days", 1, settings.NoProgressPoints));
        }

        return new DropOffRiskScore(Math.Min(100, raised.Sum(r => r.Points)), raised, decline, noProgress);
    }

    /// <summary>The card of this scorer for the organisation, with how many enrolment scorings it made.</summary>
    public DropOffModelCard Card(string? organisationId, int? scorings) =>
        served is not null
            ? DropOffRiskModelCards.Model(served.Card, scorings)
            : DropOffRiskModelCards.Rule(organisationId, settings, scorings, latestGate);

    private DropOffRiskScore ModelScore(DropOffHistory history, DateOnly cutoff, bool explain)
    {
        _predict ??= served!.Model.CreateScorer();
        var features = DropOffFeatureBuilder.Build(history, cutoff);
        var p = _predict(features);
        var risk = (int)Math.Round(100.0 * p, MidpointRounding.AwayFromZero);
        var raised = new List<DropOffRuleCondition>();
        if (explain)
        {
            var medians = served!.Model.Medians;
            for (var i = 0; i < features.Length; i++)
            {
                if (float.IsNaN(features[i]) || features[i] == medians[i])
                {
                    continue;
                }

                var typical = (float[])features.Clone();
                typical[i] = medians[i];
                var points = (int)Math.Round(100.0 * (p - _predict(typical)), MidpointRounding.AwayFromZero);
                if (points > 0)
                {
                    var name = DropOffFeatures.Names[i];
                    raised.Add(new DropOffRuleCondition(name, DropOffFeatureDescriptions.Of(name), Math.Round(features[i], 3), points));
                }
            }
        }

        var decline = DropOffFeatureBuilder.Declined(history.UnitDays, cutoff, settings.DeclineShare);
        var noProgress = !DropOffFeatureBuilder.Progressed(history, cutoff);
        return new DropOffRiskScore(risk, raised.OrderByDescending(r => r.Points).Take(TopFactors).ToArray(), decline, noProgress);
    }
}
