-- DATA_MODEL.md leaves these enumeration columns nullable, but a NULL slips past the CHECK and past the partial unique
-- indexes that enforce "one running run per kind" (ux_batch_runs_running) and "one active model" (ux_model_active).
ALTER TABLE analytics.batch_runs ALTER COLUMN kind SET NOT NULL, ALTER COLUMN status SET NOT NULL;
ALTER TABLE analytics.model_versions ALTER COLUMN model_kind SET NOT NULL, ALTER COLUMN algorithm SET NOT NULL;
ALTER TABLE ops.sync_runs ALTER COLUMN kind SET NOT NULL, ALTER COLUMN status SET NOT NULL;
ALTER TABLE ops.sources ALTER COLUMN kind SET NOT NULL;
ALTER TABLE ops.privacy_requests ALTER COLUMN kind SET NOT NULL, ALTER COLUMN status SET NOT NULL;
