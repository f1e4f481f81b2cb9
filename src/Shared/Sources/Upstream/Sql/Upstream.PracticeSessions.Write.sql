-- Upserts DevLab practice sessions (@rows), deletes tombstoned ones (@deleted).
WITH input AS (
    SELECT r.id, r.user_id, r.topic_id, r.skill_id, r.started_at, r.passed, r.score_pct, r.attempts
    FROM jsonb_to_recordset(@rows::jsonb)
         AS r (id text, user_id text, topic_id text, skill_id text, started_at timestamptz, passed boolean, score_pct numeric,
               attempts smallint)
),
removed AS (
    DELETE FROM lrs.practice_sessions t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.practice_sessions AS t (id, user_id, topic_id, skill_id, started_at, passed, score_pct, attempts, source, synced_at)
    SELECT i.id, i.user_id, i.topic_id, i.skill_id, i.started_at, i.passed, i.score_pct, i.attempts, @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET user_id = excluded.user_id, topic_id = excluded.topic_id, skill_id = excluded.skill_id, started_at = excluded.started_at,
        passed = excluded.passed, score_pct = excluded.score_pct, attempts = excluded.attempts, source = excluded.source,
        synced_at = excluded.synced_at
    WHERE (t.user_id, t.topic_id, t.skill_id, t.started_at, t.passed, t.score_pct, t.attempts, t.source)
          IS DISTINCT FROM
          (excluded.user_id, excluded.topic_id, excluded.skill_id, excluded.started_at, excluded.passed, excluded.score_pct,
           excluded.attempts, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
