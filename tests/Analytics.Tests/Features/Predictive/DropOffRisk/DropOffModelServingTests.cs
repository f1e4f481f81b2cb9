using System.Net;
using Analytics.Api.Features.Predictive.Shared;
using Analytics.Tests.Features.Predictive.Shared;
using Analytics.Tests.Infrastructure;
using Npgsql;

namespace Analytics.Tests.Features.Predictive.DropOffRisk;

/// <summary>
/// A served model end to end (ANALYTICS.md §5.1): the model trained on the OULAD training part is stored as the active model of
/// an organisation of the test store, and a learner's drop-off risk is then round(100·p) of that model on the learner's causal
/// features, with the model's card (its holdout figures, `fallbackUsed: false`, scored by the model) and risk-raising factors.
/// </summary>
[Category("Oulad")]
public sealed class DropOffModelServingTests
{
    private const string Org = "dm-org";
    private const string Learner = "dm-learner";
    private const string Email = "dm.learner@example.test";
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private ModelCard _trained = null!;
    private string _modelId = string.Empty;
    private ModelCard _scoreCard = null!;
    private string _scoreModelId = string.Empty;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        var (_, oulad, results) = await OuladDropOffModel.EnsureAsync();
        var served = await oulad.ServedAsync("oulad", 90, CancellationToken.None) ?? throw new InvalidOperationException("no OULAD model");
        _trained = served.Card;

        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        await TestStore.UserAsync(Learner, Org, Email, "learner");
        await TestStore.CourseAsync("dm-c", Org, 4, new DateOnly(2025, 2, 1), new DateOnly(2025, 6, 30), 150);
        await TestStore.EnrolAsync(Learner, "dm-c", new DateOnly(2025, 1, 20));
        await TestStore.ExecuteAsync(
            """
            SELECT ops.ensure_month_partitions('lrs.activity_days', DATE '2025-01-01', DATE '2025-04-01');
            INSERT INTO lrs.activity_days (user_id, course_id, day, events, source) VALUES
                ('dm-learner', 'dm-c', DATE '2025-02-03', 40, 'test'), ('dm-learner', 'dm-c', DATE '2025-02-10', 25, 'test'),
                ('dm-learner', 'dm-c', DATE '2025-02-24', 5, 'test');
            """);

        await using var testStore = NpgsqlDataSource.Create(TestHost.ConnectionString);
        var store = new DropOffModelStore(testStore, TimeProvider.System);
        var outcome = new DropOffTrainingOutcome(_trained.QualityGate, _trained.Algorithm, _trained.TrainingData, _trained.Evaluation, _trained.Features, served.Model);
        var settings = DropOffTrainingSettings.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        _modelId = await store.SaveAsync(Org, outcome, settings, CancellationToken.None);
        var scoreModel = await oulad.ServedAsync("oulad", 90, CancellationToken.None, DropOffModelStore.ForecastKind) ?? throw new InvalidOperationException("no OULAD score model");
        _scoreCard = scoreModel.Card;
        _scoreModelId = await store.SaveAsync(Org, new DropOffTrainingOutcome(_scoreCard.QualityGate, _scoreCard.Algorithm, _scoreCard.TrainingData,
            _scoreCard.Evaluation, _scoreCard.Features, scoreModel.Model), settings, CancellationToken.None, DropOffModelStore.ForecastKind);
        Assert.That(results.Single().GateStatus, Is.EqualTo("passed"));
    }

    [Test]
    public async Task Get_WithAServedModel_ScoresWithItAndShowsItsCard()
    {
        var token = await ApiClient.TokenAsync(Email);
        using var response = await ApiClient.GetAsync("/api/v1/predictive/drop-off-risk/" + Learner, token);
        var body = await ApiClient.ReadJsonAsync(response);
        var data = body["data"]!;
        var card = data["modelCard"]!;

        await using var connection = new NpgsqlConnection(TestHost.ConnectionString);
        await connection.OpenAsync();
        var history = (await DropOffHistoryReader.ReadLearnersAsync(connection, [Learner], CancellationToken.None)).Single();
        var (_, oulad, _) = await OuladDropOffModel.EnsureAsync();
        var model = (await oulad.ServedAsync("oulad", 90, CancellationToken.None))!.Model;
        var p = model.Predict([DropOffFeatureBuilder.Build(history, AsOf.AddDays(1))])[0];

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(data["riskAssessment"]!["overallRisk"]!.GetValue<int>(), Is.EqualTo((int)Math.Round(100.0 * p, MidpointRounding.AwayFromZero)));
            Assert.That(card["kind"]!.GetValue<string>(), Is.EqualTo("model"));
            Assert.That(card["id"]!.GetValue<string>(), Is.EqualTo(_modelId));
            Assert.That(card["algorithm"]!.GetValue<string>(), Is.EqualTo(_trained.Algorithm));
            Assert.That(card["fallbackUsed"]!.GetValue<bool>(), Is.False);
            Assert.That(card["scoredBy"]!["model"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(card["scoredBy"]!["rule"]!.GetValue<int>(), Is.Zero);
            Assert.That(card["evaluation"]!["rocAuc"]!["week4"]!.GetValue<double>(), Is.EqualTo(_trained.Evaluation!.RocAuc["week4"]));
            Assert.That(card["evaluation"]!["rocAuc"]!["week8"]!.GetValue<double>(), Is.EqualTo(_trained.Evaluation.RocAuc["week8"]));
            Assert.That(card["qualityGate"]!["status"]!.GetValue<string>(), Is.EqualTo("passed"));
            Assert.That(data["factors"]!.AsArray(), Has.Count.InRange(1, DropOffRiskScorer.TopFactors));
            Assert.That(data["factors"]!.AsArray().All(f => f!["direction"]!.GetValue<string>() == "raises"), Is.True);
        });
    }

    [Test]
    public async Task Forecast_WithServedModels_TakesTheScoreAndTheCompletionProbabilityFromThem()
    {
        var token = await ApiClient.TokenAsync(Email);
        using var response = await ApiClient.GetAsync("/api/v1/predictive/forecast/" + Learner, token);
        var body = await ApiClient.ReadJsonAsync(response);
        var data = body["data"]!;

        await using var connection = new NpgsqlConnection(TestHost.ConnectionString);
        await connection.OpenAsync();
        var history = (await DropOffHistoryReader.ReadLearnersAsync(connection, [Learner], CancellationToken.None)).Single();
        var (_, oulad, _) = await OuladDropOffModel.EnsureAsync();
        var model = (await oulad.ServedAsync("oulad", 90, CancellationToken.None))!.Model;
        var p = model.Predict([DropOffFeatureBuilder.Build(history, AsOf.AddDays(1))])[0];
        var scoreModel = (await oulad.ServedAsync("oulad", 90, CancellationToken.None, DropOffModelStore.ForecastKind))!.Model;
        var score = Math.Clamp(scoreModel.Predict([DropOffFeatureBuilder.Build(history, AsOf.AddDays(1))])[0], 0, 100);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(data["predictedScore"]!.GetValue<double>(), Is.EqualTo(score).Within(0.051), "the served score model's prediction");
            Assert.That(data["modelCard"]!["score"]!["id"]!.GetValue<string>(), Is.EqualTo(_scoreModelId));
            Assert.That(data["modelCard"]!["score"]!["evaluation"]!["rmse"]!.GetValue<double>(), Is.EqualTo(_scoreCard.Evaluation!.Rmse));
            Assert.That(data["completionProbability"]!.GetValue<double>(), Is.EqualTo(100 * (1 - p)).Within(0.051), "1 − p, published as a percentage");
            Assert.That(data["modelCard"]!["completion"]!["kind"]!.GetValue<string>(), Is.EqualTo("model"));
            Assert.That(data["modelCard"]!["completion"]!["id"]!.GetValue<string>(), Is.EqualTo(_modelId));
            Assert.That(data["modelCard"]!["completion"]!["scoredBy"]!["model"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["modelCard"]!["score"]!["kind"]!.GetValue<string>(), Is.EqualTo("model"));
            Assert.That(data["confidenceMetrics"]!["forecastAccuracy"]!.GetValue<double>(), Is.EqualTo(100 * _scoreCard.Evaluation!.WithinBand!.Value).Within(0.05));
            Assert.That(data["confidenceMetrics"]!["modelAccuracy"]!.GetValue<double>(), Is.EqualTo(100 * _trained.Evaluation!.RocAuc["week4"]!.Value).Within(0.05));
            Assert.That(data["confidenceMetrics"]!["predictionReliability"]!.GetValue<double>(), Is.GreaterThan(0));
        });
    }
}
