-- Upserts departments (@rows), deletes tombstoned ones (@deleted).
WITH input AS (
    SELECT r.id, r.organisation_id, r.name
    FROM jsonb_to_recordset(@rows::jsonb) AS r (id text, organisation_id text, name text)
),
removed AS (
    DELETE FROM lrs.departments t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.departments AS t (id, organisation_id, name, source, synced_at)
    SELECT i.id, i.organisation_id, i.name, @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET organisation_id = excluded.organisation_id, name = excluded.name, source = excluded.source, synced_at = excluded.synced_at
    WHERE (t.organisation_id, t.name, t.source) IS DISTINCT FROM (excluded.organisation_id, excluded.name, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
