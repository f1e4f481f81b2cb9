-- The facts every analytic of an organisation subject needs (ANALYTICS.md §0.1, API.md §1.2), in the columns of Subject.User:
-- the organisation, no department, its time zone (tz of organisation subjects), reference date (analysisDate, else today in
-- its zone), the source label and the last successful load. Prepended to a feature's own statements (one round trip).
SELECT o.id AS OrganisationId,
       NULL::text AS DepartmentId,
       coalesce(o.time_zone, 'UTC') AS TimeZone,
       coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) AS ReferenceDate,
       coalesce((SELECT CASE WHEN count(DISTINCT os.source) > 1 THEN 'mixed' ELSE min(os.source) END
                 FROM ops.organisation_sources os
                 WHERE os.organisation_id = o.id), o.source) AS Source,
       (SELECT max(r.finished_at)
        FROM ops.sync_runs r
        WHERE r.status IN ('completed', 'partial') AND r.scope IN (o.id, '*')) AS DataAsOf
FROM lrs.organisations o
WHERE o.id = @organisationId;
