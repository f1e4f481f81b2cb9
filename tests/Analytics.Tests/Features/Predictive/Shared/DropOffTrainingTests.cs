using Analytics.Api.Features.Predictive.Shared;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Analytics.Tests.Features.Predictive.Shared;

/// <summary>
/// The model lifecycle of ANALYTICS.md §5.1 on the imported OULAD training part (organisation `oulad`): the retrain holds out
/// the latest course runs (exactly 2014B), passes its gate, stores and activates the model, and its card shows the same holdout
/// figures as `evaluate dropoff --train *-2013B,*-2013J --test *-2014B`; the stored model scores as the fitted one did. (This
/// test writes only analytics.model_versions of the shared store.)
/// </summary>
[Category("Oulad")]
public sealed class DropOffTrainingTests
{
    private NpgsqlDataSource _dataSource = null!;
    private IReadOnlyList<DropOffRetrainResult> _results = [];
    private DropOffModelStore _store = null!;

    [OneTimeSetUp]
    public async Task RetrainAsync()
    {
        (_dataSource, _store, _results) = await OuladDropOffModel.EnsureAsync();
    }

    [Test]
    public async Task Retrain_OnTheTrainingPart_PassesItsGateAndShowsTheEvaluationFigures()
    {
        var result = _results.Single();
        var card = (await _store.CardsAsync(["oulad"], result.ModelId, 90, CancellationToken.None)).Single();
        await using var connection = await _dataSource.OpenConnectionAsync();
        var histories = await DropOffHistoryReader.ReadCoursesAsync(connection,
            (await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT id FROM lrs.courses")).ToArray(), CancellationToken.None);
        var evaluation = DropOffEvaluation.Run(
            histories.Where(h => !h.Enrolment.CourseId.EndsWith("2014B", StringComparison.Ordinal)).ToArray(),
            histories.Where(h => h.Enrolment.CourseId.EndsWith("2014B", StringComparison.Ordinal)).ToArray(),
            DropOffTarget.AtRisk, [4, 8]);
        double Served(int week) => evaluation.Weeks.Single(w => w.Week == week && w.Algorithm == card.Algorithm).Quality!.RocAuc;

        Assert.Multiple(() =>
        {
            Assert.That(result.GateStatus, Is.EqualTo("passed"));
            Assert.That(card.Status, Is.EqualTo("active"));
            Assert.That(card.InUse, Is.True);
            Assert.That(card.Kind, Is.EqualTo("model"));
            Assert.That(card.Label, Is.EqualTo("at-risk"));
            Assert.That(card.QualityGate.Thresholds, Is.EquivalentTo(new Dictionary<string, double> { ["week4"] = 0.65, ["week8"] = 0.65 }));
            Assert.That(card.Evaluation!.From, Is.EqualTo(new DateOnly(2014, 2, 1)), "the holdout is the 2014B presentations");
            Assert.That(card.Evaluation.RocAuc["week4"], Is.EqualTo(Math.Round(Served(4), 3)));
            Assert.That(card.Evaluation.RocAuc["week8"], Is.EqualTo(Math.Round(Served(8), 3)));
            Assert.That(card.Evaluation.RocAuc["week4"], Is.GreaterThanOrEqualTo(0.70));
            Assert.That(card.Evaluation.RocAuc["week8"], Is.GreaterThanOrEqualTo(0.76));
            Assert.That(card.Evaluation.Calibration, Has.Count.EqualTo(10));
            Assert.That(card.Evaluation.Calibration.Sum(b => b.Count), Is.EqualTo(evaluation.Weeks.Single(w => w.Week == 4 && w.Algorithm == card.Algorithm).Count));
            Assert.That(card.Evaluation.Stability!.Runs, Is.EqualTo(3));
            Assert.That(card.Evaluation.RuleRocAuc["week4"], Is.LessThan(card.Evaluation.RocAuc["week4"]!.Value));
            Assert.That(card.Features.Sum(f => f.Importance), Is.EqualTo(1).Within(0.01));
            Assert.That(card.TrainingData!.Enrolments, Is.GreaterThan(500));
        });
    }

    [Test]
    public async Task Retrain_OnTheTrainingPart_AlsoServesAForecastScoreModelWithinTheMaeGate()
    {
        var card = (await _store.CardsAsync(["oulad"], null, 90, CancellationToken.None, DropOffModelStore.ForecastKind))[0];
        var served = await _store.ServedAsync("oulad", 90, CancellationToken.None, DropOffModelStore.ForecastKind);

        Assert.Multiple(() =>
        {
            Assert.That(card.QualityGate.Status, Is.EqualTo("passed"), string.Join("; ", card.QualityGate.Reasons));
            Assert.That(card.Status, Is.EqualTo("active"));
            Assert.That(card.Algorithm, Is.AnyOf("sdca-regression", "fast-tree-regression"));
            Assert.That(card.Version, Does.StartWith("forecast-oulad-"));
            Assert.That(card.FallbackRule, Is.EqualTo("rule-forecast@1"));
            Assert.That(card.Evaluation!.Mae!["week8"], Is.LessThanOrEqualTo(14));
            Assert.That(card.Evaluation.Mae["week8"], Is.LessThanOrEqualTo(0.9 * card.Evaluation.MaeBaseline!["week8"]!.Value));
            Assert.That(card.Evaluation.Rmse, Is.GreaterThan(card.Evaluation.Mae["week8"]!.Value));
            Assert.That(card.Evaluation.WithinBand, Is.InRange(0.0, 1.0));
            Assert.That(served, Is.Not.Null);
            Assert.That(served!.Model.IsRegression, Is.True);
        });
    }

    [Test]
    public async Task Served_LoadsTheStoredModelWhichScoresLikeAFreshFit()
    {
        var served = await _store.ServedAsync("oulad", 90, CancellationToken.None);
        await using var connection = await _dataSource.OpenConnectionAsync();
        var fixture = await DropOffHistoryReader.ReadCoursesAsync(connection, ["oulad-AAA-2013J"], CancellationToken.None);
        var features = fixture.Take(50).Select(h => DropOffFeatureBuilder.Build(h, h.Enrolment.Start.AddDays(28))).ToArray();

        Assert.That(served, Is.Not.Null);
        var probabilities = served!.Model.Predict(features);
        Assert.Multiple(() =>
        {
            Assert.That(served.Card.Id, Is.EqualTo(_results.Single().ModelId));
            Assert.That(probabilities, Has.Length.EqualTo(50));
            Assert.That(probabilities.All(p => p is > 0 and < 1), Is.True);
            Assert.That(probabilities.Distinct().Count(), Is.GreaterThan(10), "the scores differ between learners");
        });
    }

    [Test]
    public void Run_WithTooLittleHistory_SaysInsufficientDataAndServesNothing()
    {
        var start = new DateOnly(2024, 1, 1);
        var histories = Enumerable.Range(0, 40).Select(i => new DropOffHistory(
            new DropOffEnrolment($"e{i}", $"u{i}", "c", "C", start.AddMonths(i % 4), null, i % 3 == 0 ? start.AddMonths(i % 4).AddDays(30) : null,
                i % 3 == 0 ? null : start.AddMonths((i % 4) + 3), i % 3 == 0 ? "withdrawn" : "completed", i % 3 == 0 ? "withdrawn" : "pass", 90, null, null),
            [], [], [], [], [])).ToArray();

        var outcome = DropOffTraining.Run(histories, DropOffTrainingSettings.From(new ConfigurationBuilder().Build()));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Gate.Status, Is.EqualTo("insufficient-data"));
            Assert.That(outcome.Gate.Passed, Is.False);
            Assert.That(outcome.Gate.Reasons, Is.Not.Empty);
            Assert.That(outcome.Served, Is.Null);
        });
    }
}

/// <summary>The drop-off model of the OULAD training part, retrained once per test run and shared (3 stability runs, for speed).</summary>
internal static class OuladDropOffModel
{
    private static readonly Lazy<Task<(NpgsqlDataSource, DropOffModelStore, IReadOnlyList<DropOffRetrainResult>)>> Trained =
        new(TrainAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<(NpgsqlDataSource DataSource, DropOffModelStore Store, IReadOnlyList<DropOffRetrainResult> Results)> EnsureAsync() => Trained.Value;

    private static async Task<(NpgsqlDataSource, DropOffModelStore, IReadOnlyList<DropOffRetrainResult>)> TrainAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await OuladTrainingStore.ConnectionStringAsync());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DropOff:StabilityRuns"] = "3" }).Build();
        var store = new DropOffModelStore(dataSource, TimeProvider.System);
        var results = await new DropOffRetraining(dataSource, store, configuration, NullLogger<DropOffRetraining>.Instance).RunAsync("oulad", CancellationToken.None);
        return (dataSource, store, results);
    }
}
