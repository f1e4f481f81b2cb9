-- Serves a version that passed its gate: the organisation's active version of the same kind retires first (one active per
-- kind and organisation, ux_model_active), in the caller's transaction.
UPDATE analytics.model_versions
SET status = 'retired', retired_at = @now
WHERE model_kind = @modelKind
  AND organisation_id IS NOT DISTINCT FROM @organisationId
  AND status = 'active';

UPDATE analytics.model_versions
SET status = 'active', activated_at = @now
WHERE id = @id;
