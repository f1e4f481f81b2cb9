-- The facts of the platform subject in the columns of Subject.User (ANALYTICS.md §0.1): UTC, and as reference date the latest
-- reference date of any organisation (the current UTC date for live data; frozen stores such as the demo keep their own), the
-- source label over all organisations and the last successful load. k is the platform's (no organisation row).
SELECT 'platform' AS OrganisationId,
       NULL::text AS DepartmentId,
       'UTC' AS TimeZone,
       coalesce(max(coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date)),
                (@now AT TIME ZONE 'UTC')::date) AS ReferenceDate,
       coalesce(CASE WHEN count(DISTINCT o.source) > 1 THEN 'mixed' ELSE min(o.source) END, 'demo') AS Source,
       (SELECT max(r.finished_at) FROM ops.sync_runs r WHERE r.status IN ('completed', 'partial')) AS DataAsOf
FROM lrs.organisations o;
