-- Upserts assessments (@rows), deletes tombstoned ones (@deleted; their submissions cascade).
WITH input AS (
    SELECT r.id, r.course_id, r.topic_id, r.title, r.kind, r.due_on, r.weight, r.pass_threshold_pct
    FROM jsonb_to_recordset(@rows::jsonb)
         AS r (id text, course_id text, topic_id text, title text, kind text, due_on date, weight numeric, pass_threshold_pct numeric)
),
removed AS (
    DELETE FROM lrs.assessments t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.assessments AS t (id, course_id, topic_id, title, kind, due_on, weight, pass_threshold_pct, source, synced_at)
    SELECT i.id, i.course_id, i.topic_id, i.title, i.kind, i.due_on, i.weight, i.pass_threshold_pct, @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET course_id = excluded.course_id, topic_id = excluded.topic_id, title = excluded.title, kind = excluded.kind,
        due_on = excluded.due_on, weight = excluded.weight, pass_threshold_pct = excluded.pass_threshold_pct, source = excluded.source,
        synced_at = excluded.synced_at
    WHERE (t.course_id, t.topic_id, t.title, t.kind, t.due_on, t.weight, t.pass_threshold_pct, t.source)
          IS DISTINCT FROM
          (excluded.course_id, excluded.topic_id, excluded.title, excluded.kind, excluded.due_on, excluded.weight,
           excluded.pass_threshold_pct, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
