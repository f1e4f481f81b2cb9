-- One retrain's model version (DATA_MODEL.md §3): parameters only in the blob, never training rows. A version that passed its
-- gate is inserted as a candidate and activated by ModelVersions.Activate in the same transaction; one that failed is stored
-- `rejected` and never served.
INSERT INTO analytics.model_versions (
    id, model_kind, kind, organisation_id, algorithm, feature_set, feature_config, definition_version, cutoff_weeks,
    train_from, train_to, eval_from, eval_to, n_train, n_eval, positives_train, positives_eval,
    metrics, quality_gate, passed_gate, status, model_blob, blob_format, blob_sha256, trained_at)
VALUES (
    @id, @modelKind, 'model', @organisationId, @algorithm, @featureSet, @featureConfig::jsonb, @definitionVersion, @cutoffWeeks,
    @trainFrom, @trainTo, @evalFrom, @evalTo, @nTrain, @nEval, @positivesTrain, @positivesEval,
    @metrics::jsonb, @qualityGate::jsonb, @passedGate, @status, @blob, @blobFormat, sha256(@blob), @trainedAt);
