-- Upserts enrolments on id (@rows; a second id for the same user and course breaks UNIQUE (user_id, course_id) and becomes a
-- reject), deletes tombstoned ones (@deleted).
WITH input AS (
    SELECT r.id, r.course_id, r.user_id, r.enrolled_on, r.kind, r.completed_on, r.withdrawn_on, r.status, r.final_result, r.progress_pct
    FROM jsonb_to_recordset(@rows::jsonb)
         AS r (id text, course_id text, user_id text, enrolled_on date, kind text, completed_on date, withdrawn_on date, status text,
               final_result text, progress_pct numeric)
),
removed AS (
    DELETE FROM lrs.enrolments t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.enrolments AS t (id, course_id, user_id, enrolled_on, kind, completed_on, withdrawn_on, status, final_result, progress_pct,
                                     source, synced_at)
    SELECT i.id, i.course_id, i.user_id, i.enrolled_on, i.kind, i.completed_on, i.withdrawn_on, i.status, i.final_result, i.progress_pct,
           @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET course_id = excluded.course_id, user_id = excluded.user_id, enrolled_on = excluded.enrolled_on, kind = excluded.kind,
        completed_on = excluded.completed_on, withdrawn_on = excluded.withdrawn_on, status = excluded.status,
        final_result = excluded.final_result, progress_pct = excluded.progress_pct, source = excluded.source, synced_at = excluded.synced_at
    WHERE (t.course_id, t.user_id, t.enrolled_on, t.kind, t.completed_on, t.withdrawn_on, t.status, t.final_result, t.progress_pct, t.source)
          IS DISTINCT FROM
          (excluded.course_id, excluded.user_id, excluded.enrolled_on, excluded.kind, excluded.completed_on, excluded.withdrawn_on,
           excluded.status, excluded.final_result, excluded.progress_pct, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
