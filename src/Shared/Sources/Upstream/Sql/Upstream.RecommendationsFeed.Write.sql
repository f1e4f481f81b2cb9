-- A replace-set per learner (@parents) among the rows of provider 'learner-ai' only: the rows of provider 'rules' are this
-- service's own (ANALYTICS.md §5.3) and never touched. Entries missing from the incoming set are deleted, the others upserted on
-- the primary key (user_id, item_type, item_id, provider).
WITH input AS (
    SELECT r.user_id, r.item_type, r.item_id, r.reason, r.score, r.provider, r.generated_at
    FROM jsonb_to_recordset(@rows::jsonb)
         AS r (user_id text, item_type text, item_id text, reason text, score numeric, provider text, generated_at timestamptz)
    WHERE r.provider = 'learner-ai'
),
replaced AS (
    DELETE FROM lrs.recommendations_feed t
    WHERE t.user_id = ANY(@parents)
      AND t.provider = 'learner-ai'
      AND t.source = @source
      AND NOT EXISTS (SELECT 1 FROM input i WHERE i.user_id = t.user_id AND i.item_type = t.item_type AND i.item_id = t.item_id)
    RETURNING 1
),
removed AS (
    DELETE FROM lrs.recommendations_feed t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (user_id text, item_type text, item_id text)
    WHERE t.user_id = d.user_id
      AND t.item_type = d.item_type
      AND t.item_id = d.item_id
      AND t.provider = 'learner-ai'
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.recommendations_feed AS t (user_id, item_type, item_id, reason, score, provider, generated_at, source, synced_at)
    SELECT i.user_id, i.item_type, i.item_id, i.reason, i.score, i.provider, i.generated_at, @source, @now
    FROM input i
    ON CONFLICT (user_id, item_type, item_id, provider) DO UPDATE
    SET reason = excluded.reason, score = excluded.score, generated_at = excluded.generated_at, source = excluded.source,
        synced_at = excluded.synced_at
    WHERE (t.reason, t.score, t.generated_at, t.source) IS DISTINCT FROM (excluded.reason, excluded.score, excluded.generated_at, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM replaced) + (SELECT count(*) FROM removed) AS deleted;
