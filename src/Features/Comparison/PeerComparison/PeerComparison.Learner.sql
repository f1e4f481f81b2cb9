-- The subject learner's own values (ANALYTICS.md §4.1; from its learner snapshots younger than @oldest, ratios as in
-- PeerComparison.Learners; one row, nulls when there is none) and skills (user_skills with the skill's name).
SELECT max(CASE WHEN jsonb_typeof(s.payload -> 'currentVelocity') = 'number'
                THEN (s.payload ->> 'currentVelocity')::double precision / 100 END) FILTER (WHERE s.analytic = 'velocity') AS Velocity,
       max(CASE WHEN jsonb_typeof(s.payload -> 'overallEngagement') = 'number'
                THEN (s.payload ->> 'overallEngagement')::double precision / 100 END) FILTER (WHERE s.analytic = 'engagement') AS Engagement,
       max(CASE WHEN jsonb_typeof(s.payload -> 'overallMastery') = 'number'
                THEN (s.payload ->> 'overallMastery')::double precision END) FILTER (WHERE s.analytic = 'mastery') AS Mastery,
       max(CASE WHEN jsonb_typeof(s.payload -> 'overallScore') = 'number'
                THEN (s.payload ->> 'overallScore')::double precision END) FILTER (WHERE s.analytic = 'performance') AS Performance
FROM analytics.analytics_snapshots s
WHERE s.subject_type = 'learner'
  AND s.subject_id = @userId
  AND s.role = 'learner'
  AND s.analytic IN ('velocity', 'engagement', 'mastery', 'performance')
  AND s.computed_at > @oldest;

SELECT us.skill_id AS SkillId, sk.name AS SkillName, us.level::integer AS Level
FROM lrs.user_skills us
JOIN lrs.skills sk ON sk.id = us.skill_id
WHERE us.user_id = @userId
ORDER BY sk.name, us.skill_id;
