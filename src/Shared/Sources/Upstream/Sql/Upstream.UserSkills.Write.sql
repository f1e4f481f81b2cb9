-- Upserts the skills people hold (@rows) on (user_id, skill_id), deletes tombstoned ones (@deleted).
WITH input AS (
    -- A (user, skill) sent twice in a page: the later item wins, as a later page would.
    SELECT DISTINCT ON (r.user_id, r.skill_id) r.user_id, r.skill_id, r.level, r.acquired, r.acquired_on, r.method
    FROM ROWS FROM (jsonb_to_recordset(@rows::jsonb)
                    AS (user_id text, skill_id text, level smallint, acquired boolean, acquired_on date, method text))
         WITH ORDINALITY AS r (user_id, skill_id, level, acquired, acquired_on, method, n)
    ORDER BY r.user_id, r.skill_id, r.n DESC
),
removed AS (
    DELETE FROM lrs.user_skills t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (user_id text, skill_id text)
    WHERE t.user_id = d.user_id
      AND t.skill_id = d.skill_id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.user_skills AS t (user_id, skill_id, level, acquired, acquired_on, method, source, synced_at)
    SELECT i.user_id, i.skill_id, i.level, i.acquired, i.acquired_on, i.method, @source, @now
    FROM input i
    ON CONFLICT (user_id, skill_id) DO UPDATE
    SET level = excluded.level, acquired = excluded.acquired, acquired_on = excluded.acquired_on, method = excluded.method,
        source = excluded.source, synced_at = excluded.synced_at
    WHERE (t.level, t.acquired, t.acquired_on, t.method, t.source)
          IS DISTINCT FROM (excluded.level, excluded.acquired, excluded.acquired_on, excluded.method, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
