-- A replace-set per skill (@parents): the skill's upstream prerequisites missing from the incoming set are deleted, the others upserted.
WITH input AS (
    SELECT r.skill_id, r.requires_skill_id
    FROM jsonb_to_recordset(@rows::jsonb) AS r (skill_id text, requires_skill_id text)
),
replaced AS (
    DELETE FROM lrs.skill_prerequisites t
    WHERE t.skill_id = ANY(@parents)
      AND t.source = @source
      AND NOT EXISTS (SELECT 1 FROM input i WHERE i.skill_id = t.skill_id AND i.requires_skill_id = t.requires_skill_id)
    RETURNING 1
),
removed AS (
    DELETE FROM lrs.skill_prerequisites t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (skill_id text, requires_skill_id text)
    WHERE t.skill_id = d.skill_id
      AND t.requires_skill_id = d.requires_skill_id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.skill_prerequisites AS t (skill_id, requires_skill_id, source, synced_at)
    SELECT i.skill_id, i.requires_skill_id, @source, @now
    FROM input i
    ON CONFLICT (skill_id, requires_skill_id) DO UPDATE
    SET source = excluded.source, synced_at = excluded.synced_at
    WHERE t.source IS DISTINCT FROM excluded.source
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM replaced) + (SELECT count(*) FROM removed) AS deleted;
