-- Upserts topic completions on (user_id, topic_id), keeping the earliest completed_at (DATA_MODEL.md §1.6: a topic counts once,
-- when it was first completed); deletes tombstoned ones (@deleted).
WITH input AS (
    SELECT r.user_id, r.topic_id, min(r.completed_at) AS completed_at
    FROM jsonb_to_recordset(@rows::jsonb) AS r (user_id text, topic_id text, completed_at timestamptz)
    GROUP BY r.user_id, r.topic_id
),
removed AS (
    DELETE FROM lrs.topic_completions t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (user_id text, topic_id text)
    WHERE t.user_id = d.user_id
      AND t.topic_id = d.topic_id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.topic_completions AS t (user_id, topic_id, completed_at, source, synced_at)
    SELECT i.user_id, i.topic_id, i.completed_at, @source, @now
    FROM input i
    ON CONFLICT (user_id, topic_id) DO UPDATE
    SET completed_at = least(t.completed_at, excluded.completed_at), source = excluded.source, synced_at = excluded.synced_at
    WHERE (t.completed_at, t.source) IS DISTINCT FROM (least(t.completed_at, excluded.completed_at), excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
