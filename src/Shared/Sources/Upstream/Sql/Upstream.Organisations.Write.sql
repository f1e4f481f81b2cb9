-- Upserts organisations (@rows), deletes tombstoned ones (@deleted); an unchanged row is not rewritten (DATA_MODEL.md §0).
WITH input AS (
    SELECT r.id, r.name, r.time_zone, r.settings
    FROM jsonb_to_recordset(@rows::jsonb) AS r (id text, name text, time_zone text, settings jsonb)
),
removed AS (
    DELETE FROM lrs.organisations t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.organisations AS t (id, name, time_zone, settings, source, synced_at)
    SELECT i.id, i.name, i.time_zone, coalesce(i.settings, '{}'), @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET name = excluded.name, time_zone = excluded.time_zone, settings = excluded.settings, source = excluded.source,
        synced_at = excluded.synced_at
    WHERE (t.name, t.time_zone, t.settings, t.source) IS DISTINCT FROM (excluded.name, excluded.time_zone, excluded.settings, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
