-- Subject.User for a set of users (@userIds text[], one element for a single-subject read; @now): one row per user the store
-- holds, its id last, so a batch of learners from several organisations reads each one's own time zone and reference date.
-- The organisation facts (source label, last successful load) are read once per organisation, not once per member.
WITH member AS (
    SELECT u.id,
           u.organisation_id,
           u.department_id,
           u.source,
           coalesce(u.time_zone, o.time_zone, 'UTC') AS time_zone,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) AS reference_date
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = ANY (@userIds)
), organisation AS (
    SELECT g.organisation_id,
           (SELECT CASE WHEN count(DISTINCT os.source) > 1 THEN 'mixed' ELSE min(os.source) END
            FROM ops.organisation_sources os
            WHERE os.organisation_id = g.organisation_id) AS source,
           (SELECT max(r.finished_at)
            FROM ops.sync_runs r
            WHERE r.status IN ('completed', 'partial') AND r.scope IN (g.organisation_id, '*')) AS data_as_of
    FROM (SELECT DISTINCT m.organisation_id FROM member m) g
)
SELECT m.organisation_id AS OrganisationId,
       m.department_id AS DepartmentId,
       m.time_zone AS TimeZone,
       m.reference_date AS ReferenceDate,
       coalesce(g.source, m.source) AS Source,
       g.data_as_of AS DataAsOf,
       m.id AS UserId
FROM member m
JOIN organisation g ON g.organisation_id = m.organisation_id;
