-- Upserts content items (@rows), deletes tombstoned ones (@deleted; their contributions cascade).
WITH input AS (
    SELECT r.id, r.course_id, r.topic_id, r.title, r.type, r.source_type, r.creation_method, r.duration_s
    FROM jsonb_to_recordset(@rows::jsonb)
         AS r (id text, course_id text, topic_id text, title text, type text, source_type text, creation_method text, duration_s integer)
),
removed AS (
    DELETE FROM lrs.content_items t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.content_items AS t (id, course_id, topic_id, title, type, source_type, creation_method, duration_s, source, synced_at)
    SELECT i.id, i.course_id, i.topic_id, i.title, i.type, i.source_type, i.creation_method, i.duration_s, @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET course_id = excluded.course_id, topic_id = excluded.topic_id, title = excluded.title, type = excluded.type,
        source_type = excluded.source_type, creation_method = excluded.creation_method, duration_s = excluded.duration_s,
        source = excluded.source, synced_at = excluded.synced_at
    WHERE (t.course_id, t.topic_id, t.title, t.type, t.source_type, t.creation_method, t.duration_s, t.source)
          IS DISTINCT FROM
          (excluded.course_id, excluded.topic_id, excluded.title, excluded.type, excluded.source_type, excluded.creation_method,
           excluded.duration_s, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
