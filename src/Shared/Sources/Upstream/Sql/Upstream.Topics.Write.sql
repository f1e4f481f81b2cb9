-- A replace-set per course (@parents): the course's topics (modules) missing from the incoming set are deleted (their
-- completions, path steps and skill links cascade; content and assessments keep no topic), the others upserted. A topic that
-- moved to another course of the page is kept and moved.
WITH input AS (
    SELECT r.id, r.course_id, r.title, r.position
    FROM jsonb_to_recordset(@rows::jsonb) AS r (id text, course_id text, title text, position integer)
),
replaced AS (
    DELETE FROM lrs.topics t
    WHERE t.course_id = ANY(@parents)
      AND NOT EXISTS (SELECT 1 FROM input i WHERE i.id = t.id)
    RETURNING 1
),
removed AS (
    DELETE FROM lrs.topics t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.topics AS t (id, course_id, title, position, source, synced_at)
    SELECT i.id, i.course_id, i.title, i.position, @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET course_id = excluded.course_id, title = excluded.title, position = excluded.position, source = excluded.source,
        synced_at = excluded.synced_at
    WHERE (t.course_id, t.title, t.position, t.source) IS DISTINCT FROM (excluded.course_id, excluded.title, excluded.position, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM replaced) + (SELECT count(*) FROM removed) AS deleted;
