-- Upserts course feedback (@rows), deletes tombstoned ratings (@deleted).
WITH input AS (
    SELECT r.id, r.course_id, r.user_id, r.rating, r.comment, r.submitted_at
    FROM jsonb_to_recordset(@rows::jsonb)
         AS r (id text, course_id text, user_id text, rating smallint, comment text, submitted_at timestamptz)
),
removed AS (
    DELETE FROM lrs.feedback t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.feedback AS t (id, course_id, user_id, rating, comment, submitted_at, source, synced_at)
    SELECT i.id, i.course_id, i.user_id, i.rating, i.comment, i.submitted_at, @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET course_id = excluded.course_id, user_id = excluded.user_id, rating = excluded.rating, comment = excluded.comment,
        submitted_at = excluded.submitted_at, source = excluded.source, synced_at = excluded.synced_at
    WHERE (t.course_id, t.user_id, t.rating, t.comment, t.submitted_at, t.source)
          IS DISTINCT FROM
          (excluded.course_id, excluded.user_id, excluded.rating, excluded.comment, excluded.submitted_at, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
