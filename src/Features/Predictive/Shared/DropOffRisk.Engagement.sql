-- The published engagement (#3, `overallEngagement`) of the learners @userIds from their snapshots younger than @oldest, at the
-- snapshot's asOf and at each weekly point of its `engagementHistory` from @from to @asOf: the E of the drop-off rule (ANALYTICS.md
-- §5.1 A) at the current cutoff, a week earlier and at the end of each pattern block.
SELECT s.subject_id AS UserId,
       coalesce((s.payload ->> 'asOf')::date, @asOf::date) AS Day,
       (s.payload ->> 'overallEngagement')::integer AS Engagement
FROM analytics.analytics_snapshots s
WHERE s.subject_type = 'learner' AND s.role = 'learner' AND s.analytic = 'engagement'
  AND s.subject_id = ANY (@userIds::text[])
  AND s.computed_at > @oldest
  AND jsonb_typeof(s.payload -> 'overallEngagement') = 'number'
UNION ALL
SELECT s.subject_id, (p.point ->> 'date')::date, (p.point ->> 'engagement')::integer
FROM analytics.analytics_snapshots s
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(s.payload -> 'engagementHistory') = 'array'
                                             THEN s.payload -> 'engagementHistory' ELSE '[]'::jsonb END) AS p(point)
WHERE s.subject_type = 'learner' AND s.role = 'learner' AND s.analytic = 'engagement'
  AND s.subject_id = ANY (@userIds::text[])
  AND s.computed_at > @oldest
  AND jsonb_typeof(p.point -> 'engagement') = 'number'
  AND (p.point ->> 'date')::date BETWEEN @from AND @asOf;
