-- Upserts KPIs (@rows), deletes tombstoned ones (@deleted). (organisation_id, name, period) is unique too: a second id for the
-- same KPI is refused by the store and becomes a reject.
WITH input AS (
    SELECT r.id, r.organisation_id, r.name, r.unit, r.target, r.value, r.weight, r.period
    FROM jsonb_to_recordset(@rows::jsonb)
         AS r (id text, organisation_id text, name text, unit text, target numeric, value numeric, weight numeric, period text)
),
removed AS (
    DELETE FROM lrs.kpis t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.kpis AS t (id, organisation_id, name, unit, target, value, weight, period, source, synced_at)
    SELECT i.id, i.organisation_id, i.name, i.unit, i.target, i.value, i.weight, i.period, @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET organisation_id = excluded.organisation_id, name = excluded.name, unit = excluded.unit, target = excluded.target,
        value = excluded.value, weight = excluded.weight, period = excluded.period, source = excluded.source, synced_at = excluded.synced_at
    WHERE (t.organisation_id, t.name, t.unit, t.target, t.value, t.weight, t.period, t.source)
          IS DISTINCT FROM
          (excluded.organisation_id, excluded.name, excluded.unit, excluded.target, excluded.value, excluded.weight, excluded.period,
           excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
