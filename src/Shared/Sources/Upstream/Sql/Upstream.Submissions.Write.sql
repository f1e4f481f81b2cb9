-- Upserts submissions on id (@rows; a second id for the same assessment, user and attempt breaks the natural unique key and
-- becomes a reject), deletes tombstoned ones (@deleted).
WITH input AS (
    SELECT r.id, r.assessment_id, r.user_id, r.submitted_on, r.submitted_at, r.attempt, r.score_pct, r.time_spent_s, r.is_banked
    FROM jsonb_to_recordset(@rows::jsonb)
         AS r (id text, assessment_id text, user_id text, submitted_on date, submitted_at timestamptz, attempt smallint, score_pct numeric,
               time_spent_s integer, is_banked boolean)
),
removed AS (
    DELETE FROM lrs.submissions t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.submissions AS t (id, assessment_id, user_id, submitted_on, submitted_at, attempt, score_pct, time_spent_s, is_banked,
                                      source, synced_at)
    SELECT i.id, i.assessment_id, i.user_id, i.submitted_on, i.submitted_at, i.attempt, i.score_pct, i.time_spent_s, i.is_banked,
           @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET assessment_id = excluded.assessment_id, user_id = excluded.user_id, submitted_on = excluded.submitted_on,
        submitted_at = excluded.submitted_at, attempt = excluded.attempt, score_pct = excluded.score_pct,
        time_spent_s = excluded.time_spent_s, is_banked = excluded.is_banked, source = excluded.source, synced_at = excluded.synced_at
    WHERE (t.assessment_id, t.user_id, t.submitted_on, t.submitted_at, t.attempt, t.score_pct, t.time_spent_s, t.is_banked, t.source)
          IS DISTINCT FROM
          (excluded.assessment_id, excluded.user_id, excluded.submitted_on, excluded.submitted_at, excluded.attempt, excluded.score_pct,
           excluded.time_spent_s, excluded.is_banked, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
