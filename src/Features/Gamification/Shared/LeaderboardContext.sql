-- The caller's organisation for a leaderboard (@organisationId, @now): its zone, today (analysisDate, else the date there), k override,
-- source label and last successful load.
SELECT o.time_zone AS TimeZone,
       coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE o.time_zone)::date) AS Today,
       (o.settings ->> 'minGroupSize')::integer AS MinGroupSize,
       coalesce((SELECT CASE WHEN count(DISTINCT os.source) > 1 THEN 'mixed' ELSE min(os.source) END
                 FROM ops.organisation_sources os
                 WHERE os.organisation_id = o.id), o.source) AS Source,
       (SELECT max(r.finished_at)
        FROM ops.sync_runs r
        WHERE r.status IN ('completed', 'partial') AND r.scope IN (o.id, '*')) AS DataAsOf
FROM lrs.organisations o
WHERE o.id = @organisationId;
