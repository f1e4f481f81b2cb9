-- The cohort form of forecast@1.0 (ANALYTICS.md §5.2) from the members' stored learner forecasts, one statement, read after
-- Subject.User (trainer-cohort) or Subject.Organisation (org-cohort). Members: learners with an enrolment of any status in the
-- trainer's courses (API.md §3.2), or the organisation's learners. Opted-out members are only counted (§0.5). A member is scored
-- when their forecast scored an enrolment in scope (the trainer's courses; @courseId narrows it). k is enforced here: below
-- @minGroupSize scored learners every aggregate is null, and courses below k are left out and counted.
WITH members AS (
    SELECT DISTINCT e.user_id
    FROM lrs.course_trainers ct
    JOIN lrs.enrolments e ON e.course_id = ct.course_id
    WHERE @subjectType = 'trainer-cohort' AND ct.user_id = @id AND e.user_id <> @id
    UNION
    SELECT u.id
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE @subjectType = 'org-cohort' AND u.organisation_id = @id
), learners AS MATERIALIZED (
    SELECT m.user_id, u.predictive_opt_out AS opted_out, s.payload
    FROM members m
    JOIN lrs.users u ON u.id = m.user_id
    LEFT JOIN analytics.analytics_snapshots s
           ON s.subject_type = 'learner' AND s.subject_id = m.user_id AND s.role = 'learner' AND s.analytic = 'forecast'
          AND s.computed_at > @oldest
), enrolment_rows AS MATERIALIZED (
    SELECT l.user_id,
           en ->> 'courseId' AS course_id,
           (en ->> 'predictedScore')::float8 AS predicted,
           (en ->> 'completionProbability')::float8 / 100 AS probability
    FROM learners l
    CROSS JOIN LATERAL jsonb_array_elements(l.payload -> 'enrolments') AS en
    WHERE NOT l.opted_out
      AND (l.payload ->> 'scored')::boolean
      AND (@courseId::text IS NULL OR en ->> 'courseId' = @courseId)
      AND (@subjectType = 'org-cohort'
           OR EXISTS (SELECT 1 FROM lrs.course_trainers ct WHERE ct.user_id = @id AND ct.course_id = en ->> 'courseId'))
), scored AS MATERIALIZED (
    SELECT l.user_id, l.payload
    FROM learners l
    WHERE EXISTS (SELECT 1 FROM enrolment_rows r WHERE r.user_id = l.user_id)
), courses AS (
    SELECT r.course_id, c.title, count(DISTINCT r.user_id) AS people, avg(r.predicted) AS predicted, avg(r.probability) AS probability
    FROM enrolment_rows r
    JOIN lrs.courses c ON c.id = r.course_id
    GROUP BY r.course_id, c.title
), totals AS (
    SELECT count(*)::integer AS scored FROM scored
)
SELECT t.scored AS Scored,
       (SELECT count(*) FROM learners l WHERE l.opted_out)::integer AS OptedOut,
       (SELECT count(*) FROM courses c WHERE c.people < @minGroupSize)::integer AS SuppressedCourses,
       CASE WHEN t.scored >= @minGroupSize THEN
           (SELECT coalesce(jsonb_agg(jsonb_build_object('courseId', c.course_id, 'courseTitle', c.title, 'predictedScore', c.predicted,
                                                         'completionProbability', c.probability) ORDER BY c.course_id), '[]'::jsonb)::text
            FROM courses c WHERE c.people >= @minGroupSize)
       END AS CoursesJson,
       a.OverallScore,
       a.PassThreshold,
       a.PredictedScore,
       a.CompletionProbability,
       a.ExpectedCompletions,
       a.WeeksToComplete,
       a.OverallTrend,
       a.Velocity,
       a.Acceleration,
       a.Volatility,
       a.Stability,
       a.DataQuality,
       a.HistoricalScore,
       a.Forecasted1,
       a.Forecasted2,
       a.Forecasted3,
       a.Forecasted4,
       a.Low1,
       a.Low2,
       a.Low3,
       a.Low4,
       a.High1,
       a.High2,
       a.High3,
       a.High4
FROM totals t
CROSS JOIN LATERAL (
    SELECT CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'currentPerformance' ->> 'overallScore')::float8) END AS OverallScore,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'currentPerformance' ->> 'passThreshold')::float8) END AS PassThreshold,
           CASE WHEN t.scored >= @minGroupSize THEN (SELECT avg(r.predicted) FROM enrolment_rows r) END AS PredictedScore,
           CASE WHEN t.scored >= @minGroupSize THEN (SELECT avg(r.probability) FROM enrolment_rows r) END AS CompletionProbability,
           CASE WHEN t.scored >= @minGroupSize THEN (SELECT sum(r.probability) FROM enrolment_rows r) END AS ExpectedCompletions,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload ->> 'weeksToComplete')::float8) END AS WeeksToComplete,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'trendAnalysis' ->> 'overallTrend')::float8) END AS OverallTrend,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'trendAnalysis' ->> 'velocity')::float8) END AS Velocity,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'trendAnalysis' ->> 'acceleration')::float8) END AS Acceleration,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'trendAnalysis' ->> 'volatility')::float8) END AS Volatility,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'trendAnalysis' ->> 'stability')::float8) END AS Stability,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'confidenceMetrics' ->> 'dataQuality')::float8) END AS DataQuality,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'forecastProjections' -> 0 ->> 'historicalScore')::float8) END AS HistoricalScore,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'forecastProjections' -> 0 ->> 'forecastedScore')::float8) END AS Forecasted1,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'forecastProjections' -> 1 ->> 'forecastedScore')::float8) END AS Forecasted2,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'forecastProjections' -> 2 ->> 'forecastedScore')::float8) END AS Forecasted3,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'forecastProjections' -> 3 ->> 'forecastedScore')::float8) END AS Forecasted4,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'forecastProjections' -> 0 ->> 'confidenceLow')::float8) END AS Low1,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'forecastProjections' -> 1 ->> 'confidenceLow')::float8) END AS Low2,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'forecastProjections' -> 2 ->> 'confidenceLow')::float8) END AS Low3,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'forecastProjections' -> 3 ->> 'confidenceLow')::float8) END AS Low4,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'forecastProjections' -> 0 ->> 'confidenceHigh')::float8) END AS High1,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'forecastProjections' -> 1 ->> 'confidenceHigh')::float8) END AS High2,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'forecastProjections' -> 2 ->> 'confidenceHigh')::float8) END AS High3,
           CASE WHEN t.scored >= @minGroupSize THEN avg((s.payload -> 'forecastProjections' -> 3 ->> 'confidenceHigh')::float8) END AS High4
    FROM scored s
) a;
