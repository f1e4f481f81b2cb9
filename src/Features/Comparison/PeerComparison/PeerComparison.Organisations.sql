-- The platform's organisations for the org-cohort form (ANALYTICS.md §4.1), from snapshots younger than @oldest, read by JSON key
-- so a missing analytic or key is a missing metric: participation = learning-velocity overview.participationRate/100, completion =
-- org-performance keyPerformanceIndicators.learningCompletionRate, alignment = strategic-alignment overallAlignment, and mean
-- engagement = the mean of the organisation's learner engagement snapshots/100, over at least k (@minGroupSize) learners.
WITH engagement AS (
    SELECT s.organisation_id,
           avg((s.payload ->> 'overallEngagement')::double precision) / 100 AS engagement
    FROM analytics.analytics_snapshots s
    WHERE s.subject_type = 'learner'
      AND s.role = 'learner'
      AND s.analytic = 'engagement'
      AND s.computed_at > @oldest
      AND s.organisation_id IS NOT NULL
      AND jsonb_typeof(s.payload -> 'overallEngagement') = 'number'
    GROUP BY s.organisation_id
    HAVING count(*) >= @minGroupSize
), stored AS (
    SELECT s.subject_id AS organisation_id,
           max(CASE WHEN jsonb_typeof(s.payload #> '{overview,participationRate}') = 'number'
                    THEN (s.payload #>> '{overview,participationRate}')::double precision / 100 END)
               FILTER (WHERE s.analytic = 'learning-velocity') AS participation,
           max(CASE WHEN jsonb_typeof(s.payload #> '{keyPerformanceIndicators,learningCompletionRate}') = 'number'
                    THEN (s.payload #>> '{keyPerformanceIndicators,learningCompletionRate}')::double precision END)
               FILTER (WHERE s.analytic = 'org-performance') AS completion,
           max(CASE WHEN jsonb_typeof(s.payload -> 'overallAlignment') = 'number'
                    THEN (s.payload ->> 'overallAlignment')::double precision END)
               FILTER (WHERE s.analytic = 'strategic-alignment') AS alignment
    FROM analytics.analytics_snapshots s
    WHERE s.subject_type = 'organisation'
      AND s.role = 'org-admin'
      AND s.analytic IN ('learning-velocity', 'org-performance', 'strategic-alignment')
      AND s.computed_at > @oldest
    GROUP BY s.subject_id
)
SELECT o.id AS Id,
       st.participation AS Participation,
       st.completion AS Completion,
       en.engagement AS Engagement,
       st.alignment AS Alignment
FROM lrs.organisations o
LEFT JOIN stored st ON st.organisation_id = o.id
LEFT JOIN engagement en ON en.organisation_id = o.id
WHERE coalesce(st.participation, st.completion, st.alignment, en.engagement) IS NOT NULL
ORDER BY o.id;
