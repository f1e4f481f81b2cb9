-- Upserts help request metadata (@rows; never a question), deletes tombstoned ones (@deleted).
WITH input AS (
    SELECT r.id, r.user_id, r.course_id, r.asked_at
    FROM jsonb_to_recordset(@rows::jsonb) AS r (id text, user_id text, course_id text, asked_at timestamptz)
),
removed AS (
    DELETE FROM lrs.help_requests t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.help_requests AS t (id, user_id, course_id, asked_at, source, synced_at)
    SELECT i.id, i.user_id, i.course_id, i.asked_at, @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET user_id = excluded.user_id, course_id = excluded.course_id, asked_at = excluded.asked_at, source = excluded.source,
        synced_at = excluded.synced_at
    WHERE (t.user_id, t.course_id, t.asked_at, t.source) IS DISTINCT FROM (excluded.user_id, excluded.course_id, excluded.asked_at, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
