-- Upserts daily activity on (user_id, day, course_id, content_item_id) NULLS NOT DISTINCT: each row is the day's full total, so
-- its values are replaced, never added (DATA_MODEL.md §1.6); deletes tombstoned days (@deleted). A key sent twice in one page
-- keeps its larger total (ON CONFLICT may touch a row only once per statement).
WITH input AS (
    SELECT DISTINCT ON (r.user_id, r.day, r.course_id, r.content_item_id)
           r.user_id, r.course_id, r.content_item_id, r.day, r.events, r.raw_rows, r.minutes
    FROM jsonb_to_recordset(@rows::jsonb)
         AS r (user_id text, course_id text, content_item_id text, day date, events integer, raw_rows integer, minutes integer)
    ORDER BY r.user_id, r.day, r.course_id, r.content_item_id, r.events DESC, r.minutes DESC NULLS LAST
),
removed AS (
    DELETE FROM lrs.activity_days t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (user_id text, course_id text, content_item_id text, day date)
    WHERE t.user_id = d.user_id
      AND t.day = d.day
      AND t.course_id = d.course_id
      AND t.content_item_id IS NOT DISTINCT FROM d.content_item_id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.activity_days AS t (user_id, course_id, content_item_id, day, events, raw_rows, minutes, source, synced_at)
    SELECT i.user_id, i.course_id, i.content_item_id, i.day, i.events, coalesce(i.raw_rows, 1), i.minutes, @source, @now
    FROM input i
    ON CONFLICT (user_id, day, course_id, content_item_id) DO UPDATE
    SET events = excluded.events, raw_rows = excluded.raw_rows, minutes = excluded.minutes, source = excluded.source,
        synced_at = excluded.synced_at
    WHERE (t.events, t.raw_rows, t.minutes, t.source) IS DISTINCT FROM (excluded.events, excluded.raw_rows, excluded.minutes, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
