-- The facts every analytic of one user needs (ANALYTICS.md §0.1, API.md §1.2): organisation, local time zone, reference date
-- (analysisDate, else today in the organisation's zone), the source label and the last successful load. Prepended to a
-- feature's own statements so the whole read stays one round trip.
SELECT u.organisation_id AS OrganisationId,
       u.department_id AS DepartmentId,
       coalesce(u.time_zone, o.time_zone, 'UTC') AS TimeZone,
       coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) AS ReferenceDate,
       coalesce((SELECT CASE WHEN count(DISTINCT os.source) > 1 THEN 'mixed' ELSE min(os.source) END
                 FROM ops.organisation_sources os
                 WHERE os.organisation_id = u.organisation_id), u.source) AS Source,
       (SELECT max(r.finished_at)
        FROM ops.sync_runs r
        WHERE r.status IN ('completed', 'partial') AND r.scope IN (u.organisation_id, '*')) AS DataAsOf
FROM lrs.users u
JOIN lrs.organisations o ON o.id = u.organisation_id
WHERE u.id = @userId;
