-- A replace-set per course (@parents): trainers missing from the incoming set are deleted, the others upserted.
WITH input AS (
    SELECT DISTINCT r.course_id, r.user_id
    FROM jsonb_to_recordset(@rows::jsonb) AS r (course_id text, user_id text)
),
replaced AS (
    DELETE FROM lrs.course_trainers t
    WHERE t.course_id = ANY(@parents)
      AND NOT EXISTS (SELECT 1 FROM input i WHERE i.course_id = t.course_id AND i.user_id = t.user_id)
    RETURNING 1
),
removed AS (
    DELETE FROM lrs.course_trainers t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (course_id text, user_id text)
    WHERE t.course_id = d.course_id
      AND t.user_id = d.user_id
    RETURNING 1
),
written AS (
    INSERT INTO lrs.course_trainers AS t (course_id, user_id, source, synced_at)
    SELECT i.course_id, i.user_id, @source, @now
    FROM input i
    ON CONFLICT (course_id, user_id) DO UPDATE
    SET source = excluded.source, synced_at = excluded.synced_at
    WHERE t.source IS DISTINCT FROM excluded.source
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM replaced) + (SELECT count(*) FROM removed) AS deleted;
