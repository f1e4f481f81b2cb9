-- Upserts mentoring links (@rows) on their key (mentor_id, mentee_id, started_on), deletes tombstoned ones (@deleted).
WITH input AS (
    -- Two items of a page with one key (two link ids, one start): the later one wins, as a later page would.
    SELECT DISTINCT ON (r.mentor_id, r.mentee_id, r.started_on) r.mentor_id, r.mentee_id, r.started_on, r.ended_on
    FROM ROWS FROM (jsonb_to_recordset(@rows::jsonb) AS (mentor_id text, mentee_id text, started_on date, ended_on date))
         WITH ORDINALITY AS r (mentor_id, mentee_id, started_on, ended_on, n)
    ORDER BY r.mentor_id, r.mentee_id, r.started_on, r.n DESC
),
removed AS (
    DELETE FROM lrs.mentoring_links t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (mentor_id text, mentee_id text, started_on date)
    WHERE t.mentor_id = d.mentor_id
      AND t.mentee_id = d.mentee_id
      AND t.started_on = d.started_on
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.mentoring_links AS t (mentor_id, mentee_id, started_on, ended_on, source, synced_at)
    SELECT i.mentor_id, i.mentee_id, i.started_on, i.ended_on, @source, @now
    FROM input i
    ON CONFLICT (mentor_id, mentee_id, started_on) DO UPDATE
    SET ended_on = excluded.ended_on, source = excluded.source, synced_at = excluded.synced_at
    WHERE (t.ended_on, t.source) IS DISTINCT FROM (excluded.ended_on, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
