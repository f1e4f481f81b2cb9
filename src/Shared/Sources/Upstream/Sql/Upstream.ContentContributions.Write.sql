-- Upserts contributions on their whole row (user_id, content_item_id, kind, at), deletes tombstoned ones (@deleted).
WITH input AS (
    SELECT DISTINCT r.user_id, r.content_item_id, r.kind, r.at
    FROM jsonb_to_recordset(@rows::jsonb) AS r (user_id text, content_item_id text, kind text, at timestamptz)
),
removed AS (
    DELETE FROM lrs.content_contributions t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (user_id text, content_item_id text, kind text, at timestamptz)
    WHERE t.user_id = d.user_id
      AND t.content_item_id = d.content_item_id
      AND t.kind = d.kind
      AND t.at = d.at
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.content_contributions AS t (user_id, content_item_id, kind, at, source, synced_at)
    SELECT i.user_id, i.content_item_id, i.kind, i.at, @source, @now
    FROM input i
    ON CONFLICT (user_id, content_item_id, kind, at) DO UPDATE
    SET source = excluded.source, synced_at = excluded.synced_at
    WHERE t.source IS DISTINCT FROM excluded.source
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
