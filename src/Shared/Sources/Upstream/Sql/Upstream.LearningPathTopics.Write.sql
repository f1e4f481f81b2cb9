-- A replace-set per path (@parents): the path's upstream positions missing from the incoming steps are deleted, the others upserted
-- on (path_id, position).
WITH input AS (
    SELECT r.path_id, r.position, r.topic_id
    FROM jsonb_to_recordset(@rows::jsonb) AS r (path_id text, position integer, topic_id text)
),
replaced AS (
    DELETE FROM lrs.learning_path_topics t
    WHERE t.path_id = ANY(@parents)
      AND t.source = @source
      AND NOT EXISTS (SELECT 1 FROM input i WHERE i.path_id = t.path_id AND i.position = t.position)
    RETURNING 1
),
removed AS (
    DELETE FROM lrs.learning_path_topics t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (path_id text, position integer)
    WHERE t.path_id = d.path_id
      AND t.position = d.position
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.learning_path_topics AS t (path_id, position, topic_id, source, synced_at)
    SELECT i.path_id, i.position, i.topic_id, @source, @now
    FROM input i
    ON CONFLICT (path_id, position) DO UPDATE
    SET topic_id = excluded.topic_id, source = excluded.source, synced_at = excluded.synced_at
    WHERE (t.topic_id, t.source) IS DISTINCT FROM (excluded.topic_id, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM replaced) + (SELECT count(*) FROM removed) AS deleted;
