-- Model versions as cards read them (API.md §4.4 `GET /predictive/models`): of one kind (null: any, for a read by id), of the
-- organisations in scope (null = every organisation, for platform admins), newest first. The blob stays in the table.
SELECT m.id AS Id, m.model_kind AS ModelKind, m.kind AS Kind, m.organisation_id AS OrganisationId, m.algorithm AS Algorithm,
       m.feature_config::text AS FeatureConfig, m.train_from AS TrainFrom, m.train_to AS TrainTo, m.n_train AS TrainEnrolments,
       m.positives_train AS TrainPositives, m.metrics::text AS Metrics, m.quality_gate::text AS QualityGate, m.passed_gate AS PassedGate,
       m.status AS Status, m.trained_at AS TrainedAt
FROM analytics.model_versions m
WHERE (@modelKind::text IS NULL OR m.model_kind = @modelKind::text)
  AND (@organisationIds::text[] IS NULL OR m.organisation_id = ANY (@organisationIds::text[]))
  AND (@modelId::text IS NULL OR m.id = @modelId::text)
ORDER BY m.trained_at DESC NULLS LAST, m.id DESC;
