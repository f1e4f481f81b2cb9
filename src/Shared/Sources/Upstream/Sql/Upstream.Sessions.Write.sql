-- Upserts successful logins (@rows) on (user_id, started_at), deletes tombstoned ones (@deleted). The month partitions exist
-- already (the writer creates them first); sessions has no foreign keys, so the writer checked the users.
WITH input AS (
    -- Two items of a page with one key (two session ids, one instant): the later one wins, as a later page would.
    SELECT DISTINCT ON (r.user_id, r.started_at) r.user_id, r.started_at, r.duration_s
    FROM ROWS FROM (jsonb_to_recordset(@rows::jsonb) AS (user_id text, started_at timestamptz, duration_s integer))
         WITH ORDINALITY AS r (user_id, started_at, duration_s, n)
    ORDER BY r.user_id, r.started_at, r.n DESC
),
removed AS (
    DELETE FROM lrs.sessions t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (user_id text, started_at timestamptz)
    WHERE t.user_id = d.user_id
      AND t.started_at = d.started_at
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.sessions AS t (user_id, started_at, duration_s, source, synced_at)
    SELECT i.user_id, i.started_at, i.duration_s, @source, @now
    FROM input i
    ON CONFLICT (user_id, started_at) DO UPDATE
    SET duration_s = excluded.duration_s, source = excluded.source, synced_at = excluded.synced_at
    WHERE (t.duration_s, t.source) IS DISTINCT FROM (excluded.duration_s, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
