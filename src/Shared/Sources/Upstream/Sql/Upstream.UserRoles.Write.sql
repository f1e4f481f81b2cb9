-- A replace-set per user (@parents): roles missing from the incoming set are deleted, the others upserted.
WITH input AS (
    SELECT r.user_id, r.role
    FROM jsonb_to_recordset(@rows::jsonb) AS r (user_id text, role text)
),
replaced AS (
    DELETE FROM lrs.user_roles t
    WHERE t.user_id = ANY(@parents)
      AND NOT EXISTS (SELECT 1 FROM input i WHERE i.user_id = t.user_id AND i.role = t.role)
    RETURNING 1
),
removed AS (
    DELETE FROM lrs.user_roles t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (user_id text, role text)
    WHERE t.user_id = d.user_id
      AND t.role = d.role
    RETURNING 1
),
written AS (
    INSERT INTO lrs.user_roles AS t (user_id, role, source, synced_at)
    SELECT i.user_id, i.role, @source, @now
    FROM input i
    ON CONFLICT (user_id, role) DO UPDATE
    SET source = excluded.source, synced_at = excluded.synced_at
    WHERE t.source IS DISTINCT FROM excluded.source
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM replaced) + (SELECT count(*) FROM removed) AS deleted;
