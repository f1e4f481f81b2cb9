-- The platform benchmark of org-performance (ANALYTICS.md §3.4, a proxy, not industry data): the published overallPerformance
-- of the other organisations' stored org-performance snapshots younger than @oldest, only when there are at least
-- @minGroupSize of them (k applies to organisations as to people, §0.5); else no rows.
WITH peers AS (
    SELECT (s.payload ->> 'overallPerformance')::double precision AS value
    FROM analytics.analytics_snapshots s
    WHERE s.subject_type = 'organisation' AND s.role = 'org-admin' AND s.analytic = 'org-performance'
      AND s.subject_id <> @organisationId
      AND s.computed_at > @oldest
      AND s.payload ->> 'overallPerformance' IS NOT NULL
)
SELECT p.value
FROM peers p
WHERE (SELECT count(*) FROM peers) >= @minGroupSize
ORDER BY p.value;
