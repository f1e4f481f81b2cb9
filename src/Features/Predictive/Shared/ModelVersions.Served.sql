-- The version an organisation's predictions use (ANALYTICS.md §5.1): its active version that passed the gate and is younger
-- than the maximum age; none = the rule. The newest stored version's gate says why when it is not served.
SELECT m.id AS Id, m.algorithm AS Algorithm, m.feature_config::text AS FeatureConfig, m.model_blob AS Blob, m.trained_at AS TrainedAt
FROM analytics.model_versions m
WHERE m.model_kind = @modelKind
  AND m.organisation_id = @organisationId
  AND m.status = 'active'
  AND m.passed_gate
  AND m.model_blob IS NOT NULL
  AND m.trained_at > @oldest;
