-- Upserts the platform's skills (@rows), deletes tombstoned ones (@deleted; their prerequisites, mappings, targets and holders cascade).
WITH input AS (
    SELECT r.id, r.name, r.category, r.market_demand
    FROM jsonb_to_recordset(@rows::jsonb) AS r (id text, name text, category text, market_demand smallint)
),
removed AS (
    DELETE FROM lrs.skills t
    USING jsonb_to_recordset(@deleted::jsonb) AS d (id text)
    WHERE t.id = d.id
      AND t.source = @source
    RETURNING 1
),
written AS (
    INSERT INTO lrs.skills AS t (id, name, category, market_demand, source, synced_at)
    SELECT i.id, i.name, i.category, i.market_demand, @source, @now
    FROM input i
    ON CONFLICT (id) DO UPDATE
    SET name = excluded.name, category = excluded.category, market_demand = excluded.market_demand, source = excluded.source,
        synced_at = excluded.synced_at
    WHERE (t.name, t.category, t.market_demand, t.source) IS DISTINCT FROM (excluded.name, excluded.category, excluded.market_demand, excluded.source)
    RETURNING 1
)
SELECT (SELECT count(*) FROM written) AS written,
       (SELECT count(*) FROM removed) AS deleted;
