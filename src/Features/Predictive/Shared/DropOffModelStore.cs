using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Analytics.Api.Shared.Database;
using Dapper;
using Npgsql;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// Drop-off model versions in analytics.model_versions (DATA_MODEL.md §3): a retrain's outcome is stored (passed: activated in
/// the same transaction, the previous active version retired; failed: `rejected`, never served); cards are read back for the
/// models endpoints; the served model of an organisation is loaded once per version and kept in memory.
/// </summary>
public sealed class DropOffModelStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    public const string ModelKind = "drop-off-risk";
    public const string ForecastKind = "forecast";
    public const string DefinitionVersion = "drop-off-risk@1.0";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The id of an organisation's drop-off rule card (rules are not stored versions, so not an `mdl_` id).</summary>
    public const string RuleCardId = "rule-dropoff-1";

    /// <summary>How long an organisation's served model (or its absence) and newest gate are reused before the store is read again.</summary>
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(1);

    private static readonly ConcurrentDictionary<string, DropOffModel> Loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// Per organisation and kind, what scoring needs on every read (the served model, else the newest gate), so a read does not
    /// fetch the model blob again; dropped when this process stores a version, else after <see cref="StateLifetime"/>.
    /// </summary>
    private readonly ConcurrentDictionary<(string Organisation, string Kind), (DateTimeOffset Until, ServedDropOffModel? Served, ModelQualityGate? Gate)> _states = new();

    /// <summary>Stores one retrain of <paramref name="organisationId"/> and returns its version id.</summary>
    public async Task<string> SaveAsync(
        string organisationId, DropOffTrainingOutcome outcome, DropOffTrainingSettings settings, CancellationToken cancellationToken, string modelKind = ModelKind)
    {
        var now = timeProvider.GetUtcNow();
        var id = "mdl_" + Ulid.NewUlid(now);
        var served = outcome.Served;
        var config = new FeatureConfig(DropOffFeatures.FeatureSet, settings.LabelName, false, served?.Medians ?? [], outcome.Features, Limitations);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlQueries.Get("ModelVersions.Insert"),
            new
            {
                id,
                modelKind,
                organisationId,
                algorithm = outcome.Algorithm ?? DropOffModel.LogisticRegression,
                featureSet = DropOffFeatures.Names.ToArray(),
                featureConfig = JsonSerializer.Serialize(config, Json),
                definitionVersion = modelKind == ModelKind ? DefinitionVersion : "forecast@1.0",
                cutoffWeeks = DropOffTrainingSettings.PredictionWeeks.Select(w => (short)w).ToArray(),
                trainFrom = outcome.TrainingData?.From,
                trainTo = outcome.TrainingData?.To,
                evalFrom = outcome.Evaluation?.From,
                evalTo = outcome.Evaluation?.To,
                nTrain = outcome.TrainingData?.Enrolments,
                nEval = outcome.Evaluation?.Enrolments,
                positivesTrain = outcome.TrainingData?.Positives,
                positivesEval = outcome.Evaluation?.Positives,
                metrics = JsonSerializer.Serialize(outcome.Evaluation ?? new ModelEvaluation(), Json),
                qualityGate = JsonSerializer.Serialize(outcome.Gate, Json),
                passedGate = outcome.Gate.Passed && served is not null,
                status = outcome.Gate.Passed && served is not null ? "candidate" : "rejected",
                blob = served?.Save(),
                blobFormat = served is null ? null : DropOffModel.BlobFormat,
                trainedAt = now,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (outcome.Gate.Passed && served is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SqlQueries.Get("ModelVersions.Activate"), new { id, modelKind, organisationId, now }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        _states.TryRemove((organisationId, modelKind), out _);
        return id;
    }

    /// <summary>The cards of the organisations (null = all), newest first; <paramref name="modelId"/> narrows to one.</summary>
    public async Task<IReadOnlyList<ModelCard>> CardsAsync(
        string[]? organisationIds, string? modelId, int maxModelAgeDays, CancellationToken cancellationToken, string? modelKind = ModelKind)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            SqlQueries.Get("ModelVersions.List"), new { modelKind, organisationIds, modelId }, cancellationToken: cancellationToken));
        var oldest = timeProvider.GetUtcNow().AddDays(-maxModelAgeDays);
        return rows.Select(r => Card(r, r.Status == "active" && r.PassedGate && r.TrainedAt > oldest)).ToArray();
    }

    /// <summary>The organisation's served model with its card, or null when the rule scores (no passing model younger than the maximum age).</summary>
    public async Task<ServedDropOffModel?> ServedAsync(
        string organisationId, int maxModelAgeDays, CancellationToken cancellationToken, string modelKind = ModelKind) =>
        (await StateAsync(organisationId, maxModelAgeDays, modelKind, cancellationToken)).Served;

    /// <summary>The gate of the organisation's newest stored version, if any: why the rule scores when no model is served.</summary>
    public async Task<ModelQualityGate?> LatestGateAsync(string organisationId, int maxModelAgeDays, CancellationToken cancellationToken) =>
        (await StateAsync(organisationId, maxModelAgeDays, ModelKind, cancellationToken)).Gate;

    private async Task<(DateTimeOffset Until, ServedDropOffModel? Served, ModelQualityGate? Gate)> StateAsync(
        string organisationId, int maxModelAgeDays, string modelKind, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_states.TryGetValue((organisationId, modelKind), out var state) && state.Until > now)
        {
            return state;
        }

        var cards = await CardsAsync([organisationId], null, maxModelAgeDays, cancellationToken, modelKind);
        ServedDropOffModel? served = null;
        if (cards.FirstOrDefault(c => c.InUse) is { } inUse)
        {
            var model = Loaded.TryGetValue(inUse.Id, out var loaded) ? loaded : await LoadAsync(inUse.Id, cancellationToken);
            served = model is null ? null : new ServedDropOffModel(model, inUse);
        }

        state = (now + StateLifetime, served, cards.Count > 0 ? cards[0].QualityGate : null);
        _states[(organisationId, modelKind)] = state;
        return state;
    }

    /// <summary>The model of a version, read (blob included) and loaded once per process.</summary>
    private async Task<DropOffModel?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ServedRow>(new CommandDefinition(
            SqlQueries.Get("ModelVersions.Blob"), new { id }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var config = JsonSerializer.Deserialize<FeatureConfig>(row.FeatureConfig, Json)!;
        return Loaded.GetOrAdd(id, _ => DropOffModel.Load(row.Algorithm, config.Medians, row.Blob));
    }

    /// <summary>The rule card of an organisation (ANALYTICS.md §5.1): in use whenever no model is served.</summary>
    public static ModelCard RuleCard(string organisationId, DropOffTrainingSettings settings, ModelQualityGate? latestGate) => new()
    {
        Id = RuleCardId,
        Analytic = ModelKind,
        OrganisationId = organisationId,
        Kind = "rule",
        Algorithm = DropOffTraining.RuleId,
        Version = DropOffTraining.RuleId,
        Status = "active",
        InUse = true,
        Label = settings.LabelName,
        FeatureSet = "rule-dropoff-conditions@1",
        TrainedAt = null,
        QualityGate = latestGate ?? new ModelQualityGate("rocAuc", new Dictionary<string, double>(), false, "not-evaluated", ["no model has been trained for this organisation"]),
        FallbackRule = DropOffTraining.RuleId,
        Features =
        [
            new ModelFeature("engagement", "Engagement score below 50", 0.4),
            new ModelFeature("velocityDecline", DropOffFeatureDescriptions.Of("velocityDecline"), 0.3),
            new ModelFeature("noProgress7d", DropOffFeatureDescriptions.Of("noProgress7d"), 0.3),
        ],
        Limitations = ["a transparent rule, not a trained model: its risk is always 0, 30, 40, 60, 70 or 100"],
    };

    private static readonly string[] Limitations =
    [
        "trained on this organisation's finished enrolments only; courses unlike those may be scored less well",
        "the engagement score is not a model feature (the rule reads it); the rule's holdout ROC-AUC uses its two other conditions",
    ];

    private static ModelCard Card(VersionRow r, bool inUse)
    {
        var config = JsonSerializer.Deserialize<FeatureConfig>(r.FeatureConfig, Json)!;
        var short_ = r.Algorithm switch
        {
            DropOffModel.LogisticRegression => "lr",
            DropOffModel.GradientBoostedTrees => "gbt",
            DropOffModel.SdcaRegression => "sdca",
            _ => "ftr",
        };
        var prefix = r.ModelKind == ModelKind ? "dropoff" : "forecast";
        return new ModelCard
        {
            Id = r.Id,
            Analytic = r.ModelKind,
            OrganisationId = r.OrganisationId,
            Kind = r.Kind,
            Algorithm = r.Algorithm,
            Version = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{r.OrganisationId ?? "all"}-{r.TrainedAt:yyyyMMddHHmm}-{short_}"),
            Status = r.Status,
            InUse = inUse,
            Label = config.Label,
            FeatureSet = config.FeatureSet,
            TrainedAt = r.TrainedAt,
            TrainingData = new ModelDataRange(r.TrainFrom, r.TrainTo, r.TrainEnrolments ?? 0, r.TrainPositives ?? 0),
            Evaluation = JsonSerializer.Deserialize<ModelEvaluation>(r.Metrics, Json),
            QualityGate = JsonSerializer.Deserialize<ModelQualityGate>(r.QualityGate, Json)!,
            FallbackRule = r.ModelKind == ModelKind ? DropOffTraining.RuleId : ForecastTraining.RuleId,
            Features = config.Features,
            Fairness = null,
            Limitations = config.Limitations,
        };
    }

    private sealed record FeatureConfig(string FeatureSet, string Label, bool Demographics, float[] Medians, IReadOnlyList<ModelFeature> Features, IReadOnlyList<string> Limitations);

    private sealed class VersionRow
    {
        public string Id { get; init; } = "";
        public string ModelKind { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? OrganisationId { get; init; }
        public string Algorithm { get; init; } = "";
        public string FeatureConfig { get; init; } = "{}";
        public DateOnly? TrainFrom { get; init; }
        public DateOnly? TrainTo { get; init; }
        public int? TrainEnrolments { get; init; }
        public int? TrainPositives { get; init; }
        public string Metrics { get; init; } = "{}";
        public string QualityGate { get; init; } = "{}";
        public bool PassedGate { get; init; }
        public string Status { get; init; } = "";
        public DateTimeOffset? TrainedAt { get; init; }
    }

    private sealed class ServedRow
    {
        public string Id { get; init; } = "";
        public string Algorithm { get; init; } = "";
        public string FeatureConfig { get; init; } = "{}";
        public byte[] Blob { get; init; } = [];
    }
}
