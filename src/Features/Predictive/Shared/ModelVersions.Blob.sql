-- The parameters of one model version (the served card says which): loaded once per process (DropOffModelStore).
SELECT m.id AS Id, m.algorithm AS Algorithm, m.feature_config::text AS FeatureConfig, m.model_blob AS Blob
FROM analytics.model_versions m
WHERE m.id = @id
  AND m.model_blob IS NOT NULL;
