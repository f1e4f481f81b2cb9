-- The trainers of an organisation (people teaching a course, users of @organisationId) with their stored teaching-effectiveness
-- snapshot younger than @oldest (ANALYTICS.md §4.1 trainer-cohort form, §2.4 fields read by JSON key): overallScore/100,
-- completion rate/100, pass rate/100 and the mean rating as (rating − 1)/4, all ratios; a missing key is no value.
SELECT s.subject_id AS Id,
       CASE WHEN jsonb_typeof(s.payload -> 'overallScore') = 'number'
            THEN (s.payload ->> 'overallScore')::double precision / 100 END AS OverallScore,
       CASE WHEN jsonb_typeof(s.payload #> '{metrics,learningOutcomes,completionRate}') = 'number'
            THEN (s.payload #>> '{metrics,learningOutcomes,completionRate}')::double precision / 100 END AS CompletionRate,
       CASE WHEN jsonb_typeof(s.payload #> '{components,passRate}') = 'number'
            THEN (s.payload #>> '{components,passRate}')::double precision / 100 END AS PassRate,
       CASE WHEN jsonb_typeof(s.payload #> '{metrics,studentSatisfaction,score}') = 'number'
            THEN ((s.payload #>> '{metrics,studentSatisfaction,score}')::double precision - 1) / 4 END AS Rating
FROM analytics.analytics_snapshots s
WHERE s.subject_type = 'trainer'
  AND s.role = 'trainer'
  AND s.analytic = 'teaching-effectiveness'
  AND s.computed_at > @oldest
  AND s.subject_id IN (SELECT ct.user_id
                       FROM lrs.course_trainers ct
                       JOIN lrs.users u ON u.id = ct.user_id
                       WHERE u.organisation_id = @organisationId);
