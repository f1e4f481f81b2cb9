-- Upserts the skills topics (modules) teach (@rows), deletes tombstoned mappings (@deleted).
WITH input AS (
    -- A mapping sent twice in a page is one row.
    SELECT DISTINCT r.topic_id, r.skill_id
    FROM jsonb_to_recordset(@rows::jsonb) AS r (topic_id text, skill_id text)
),
removed AS (
    DELETE FROM lrs.topic_skills t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (topic_id text, skill_id text)
    WHERE t.topic_id = d.topic_id
      AND t.skill_id = d.skill_id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.topic_skills AS t (topic_id, skill_id, source, synced_at)
    SELECT i.topic_id, i.skill_id, @source, @now
    FROM input i
    ON CONFLICT (topic_id, skill_id) DO UPDATE
    SET source = excluded.source, synced_at = excluded.synced_at
    WHERE t.source IS DISTINCT FROM excluded.source
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
