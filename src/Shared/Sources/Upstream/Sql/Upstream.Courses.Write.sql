-- Upserts courses (@rows), deletes tombstoned ones (@deleted; their trainers, topics, content, assessments and enrolments cascade).
WITH input AS (
    SELECT r.id, r.organisation_id, r.title, r.category, r.starts_on, r.ends_on, r.length_days, r.attributes
    FROM jsonb_to_recordset(@rows::jsonb)
         AS r (id text, organisation_id text, title text, category text, starts_on date, ends_on date, length_days integer,
               attributes jsonb)
),
removed AS (
    DELETE FROM lrs.courses t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.courses AS t (id, organisation_id, title, category, starts_on, ends_on, length_days, attributes, source, synced_at)
    SELECT i.id, i.organisation_id, i.title, i.category, i.starts_on, i.ends_on, i.length_days, coalesce(i.attributes, '{}'), @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET organisation_id = excluded.organisation_id, title = excluded.title, category = excluded.category, starts_on = excluded.starts_on,
        ends_on = excluded.ends_on, length_days = excluded.length_days, attributes = excluded.attributes, source = excluded.source,
        synced_at = excluded.synced_at
    WHERE (t.organisation_id, t.title, t.category, t.starts_on, t.ends_on, t.length_days, t.attributes, t.source)
          IS DISTINCT FROM
          (excluded.organisation_id, excluded.title, excluded.category, excluded.starts_on, excluded.ends_on, excluded.length_days,
           excluded.attributes, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
