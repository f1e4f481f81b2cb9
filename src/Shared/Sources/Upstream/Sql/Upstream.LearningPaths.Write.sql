-- Upserts learning paths (@rows), deletes tombstoned ones (@deleted; their topics cascade).
WITH input AS (
    SELECT r.id, r.user_id, r.title, r.created_at
    FROM jsonb_to_recordset(@rows::jsonb) AS r (id text, user_id text, title text, created_at timestamptz)
),
removed AS (
    DELETE FROM lrs.learning_paths t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.learning_paths AS t (id, user_id, title, created_at, source, synced_at)
    SELECT i.id, i.user_id, i.title, i.created_at, @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET user_id = excluded.user_id, title = excluded.title, created_at = excluded.created_at, source = excluded.source,
        synced_at = excluded.synced_at
    WHERE (t.user_id, t.title, t.created_at, t.source) IS DISTINCT FROM (excluded.user_id, excluded.title, excluded.created_at, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
