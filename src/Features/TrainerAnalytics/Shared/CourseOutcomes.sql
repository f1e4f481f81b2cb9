-- Per course and analysis day (asOf, and the day course-performance compares health with): the enrolment, completion,
-- score and rating facts of ANALYTICS.md §2.1 and §2.2. Enrolments count from enrolled_on (or the course start) ≤ that day;
-- an open-ended self-paced course counts only enrolments of the last @openEndedWindowDays. Scores and ratings dated after
-- the day are ignored. Feedback dates are local to the trainer (@zone).
WITH days AS (
    SELECT @asOf::date AS as_of
    UNION
    SELECT @earlierAsOf::date
), course AS (
    SELECT c.id, c.starts_on, c.ends_on, c.length_days, d.as_of
    FROM lrs.courses c
    CROSS JOIN days d
    WHERE c.id = ANY (@courseIds)
), roster AS (
    SELECT c.id AS course_id, c.as_of, e.user_id, e.enrolled_on,
           CASE
               WHEN e.completed_on <= c.as_of THEN 'completed'
               WHEN e.withdrawn_on <= c.as_of THEN 'withdrawn'
               ELSE 'active'
           END AS state,
           coalesce(c.ends_on, e.enrolled_on + c.length_days) AS expected_end
    FROM course c
    JOIN lrs.enrolments e ON e.course_id = c.id
    WHERE coalesce(e.enrolled_on, c.starts_on) <= c.as_of
      AND (c.ends_on IS NOT NULL OR c.length_days IS NOT NULL OR e.enrolled_on > c.as_of - @openEndedWindowDays)
), enrolment_facts AS (
    SELECT r.course_id, r.as_of,
           count(*)::integer AS enrollments,
           count(*) FILTER (WHERE r.state = 'active')::integer AS active_enrolments,
           count(*) FILTER (WHERE r.state = 'active' AND (
               EXISTS (SELECT 1
                       FROM lrs.activity_days a
                       WHERE a.user_id = r.user_id AND a.day BETWEEN r.as_of - @activeWindowDays + 1 AND r.as_of
                         AND a.course_id = r.course_id AND a.events > 0)
               OR EXISTS (SELECT 1
                          FROM lrs.submissions s
                          JOIN lrs.assessments a ON a.id = s.assessment_id
                          WHERE s.user_id = r.user_id AND s.submitted_on BETWEEN r.as_of - @activeWindowDays + 1 AND r.as_of
                            AND a.course_id = r.course_id)
               OR EXISTS (SELECT 1
                          FROM lrs.topic_completions tc
                          JOIN lrs.topics t ON t.id = tc.topic_id
                          WHERE tc.user_id = r.user_id AND t.course_id = r.course_id
                            AND (tc.completed_at AT TIME ZONE @zone)::date BETWEEN r.as_of - @activeWindowDays + 1 AND r.as_of)
               OR EXISTS (SELECT 1
                          FROM lrs.practice_sessions ps
                          JOIN lrs.topics t ON t.id = ps.topic_id
                          WHERE ps.user_id = r.user_id AND t.course_id = r.course_id
                            AND (ps.started_at AT TIME ZONE @zone)::date BETWEEN r.as_of - @activeWindowDays + 1 AND r.as_of)))::integer
               AS active_students,
           count(*) FILTER (WHERE r.state = 'completed')::integer AS completed,
           count(*) FILTER (WHERE r.state = 'withdrawn')::integer AS withdrawn,
           count(*) FILTER (WHERE r.state = 'active' AND r.expected_end <= r.as_of)::integer AS overdue_active
    FROM roster r
    GROUP BY r.course_id, r.as_of
), best AS (
    -- Best score per (learner, assessment); banked attempts count for passed/failed (ANALYTICS.md §0.4).
    SELECT r.course_id, r.as_of, r.user_id, a.id AS assessment_id,
           max(s.score_pct)::float8 AS best,
           CASE WHEN a.weight = 0 THEN 1 ELSE a.weight END::float8 AS weight,
           a.pass_threshold_pct::float8 AS threshold
    FROM roster r
    JOIN lrs.assessments a ON a.course_id = r.course_id
    JOIN lrs.submissions s ON s.assessment_id = a.id AND s.user_id = r.user_id
    WHERE s.score_pct IS NOT NULL AND s.submitted_on <= r.as_of
    GROUP BY r.course_id, r.as_of, r.user_id, a.id
), course_scores AS (
    SELECT b.course_id, b.as_of, b.user_id, sum(b.weight * b.best) / sum(b.weight) AS score
    FROM best b
    GROUP BY b.course_id, b.as_of, b.user_id
), score_facts AS (
    SELECT cs.course_id, cs.as_of, count(*)::integer AS scored_learners, avg(cs.score) AS mean_course_score
    FROM course_scores cs
    GROUP BY cs.course_id, cs.as_of
), pair_facts AS (
    SELECT b.course_id, b.as_of, count(*)::integer AS pairs, count(*) FILTER (WHERE b.best >= b.threshold)::integer AS passed_pairs
    FROM best b
    GROUP BY b.course_id, b.as_of
), ratings AS (
    SELECT c.id AS course_id, c.as_of, f.user_id, f.rating, (f.submitted_at AT TIME ZONE @zone)::date AS day
    FROM course c
    JOIN lrs.feedback f ON f.course_id = c.id
    WHERE (f.submitted_at AT TIME ZONE @zone)::date <= c.as_of
), rating_facts AS (
    SELECT g.course_id, g.as_of,
           count(*)::integer AS ratings,
           count(DISTINCT g.user_id)::integer AS raters,
           sum(g.rating)::integer AS rating_sum,
           count(*) FILTER (WHERE g.rating = 5)::integer AS promoters,
           count(*) FILTER (WHERE g.rating <= 3)::integer AS detractors,
           count(*) FILTER (WHERE g.rating >= 4)::integer AS satisfied,
           count(DISTINCT g.user_id) FILTER (WHERE g.day > g.as_of - 90)::integer AS recent_raters,
           count(*) FILTER (WHERE g.day > g.as_of - 90)::integer AS recent_ratings,
           coalesce(sum(g.rating) FILTER (WHERE g.day > g.as_of - 90), 0)::integer AS recent_rating_sum,
           count(DISTINCT g.user_id) FILTER (WHERE g.day <= g.as_of - 90 AND g.day > g.as_of - 180)::integer AS previous_raters,
           count(*) FILTER (WHERE g.day <= g.as_of - 90 AND g.day > g.as_of - 180)::integer AS previous_ratings,
           coalesce(sum(g.rating) FILTER (WHERE g.day <= g.as_of - 90 AND g.day > g.as_of - 180), 0)::integer AS previous_rating_sum
    FROM ratings g
    GROUP BY g.course_id, g.as_of
)
SELECT c.id AS CourseId,
       c.as_of AS AsOf,
       coalesce(ef.enrollments, 0) AS Enrollments,
       coalesce(ef.active_enrolments, 0) AS ActiveEnrolments,
       coalesce(ef.active_students, 0) AS ActiveStudents,
       coalesce(ef.completed, 0) AS Completed,
       coalesce(ef.withdrawn, 0) AS Withdrawn,
       coalesce(ef.overdue_active, 0) AS OverdueActive,
       (SELECT count(*) FROM lrs.enrolments e
        WHERE e.course_id = c.id AND e.enrolled_on > c.as_of - 90 AND e.enrolled_on <= c.as_of)::integer AS EnrolledLast90,
       (SELECT count(*) FROM lrs.enrolments e
        WHERE e.course_id = c.id AND e.enrolled_on > c.as_of - 180 AND e.enrolled_on <= c.as_of - 90)::integer AS EnrolledPrevious90,
       coalesce(sf.scored_learners, 0) AS ScoredLearners,
       sf.mean_course_score AS MeanCourseScore,
       coalesce(pf.pairs, 0) AS Pairs,
       coalesce(pf.passed_pairs, 0) AS PassedPairs,
       coalesce(rf.ratings, 0) AS Ratings,
       coalesce(rf.raters, 0) AS Raters,
       coalesce(rf.rating_sum, 0) AS RatingSum,
       coalesce(rf.promoters, 0) AS Promoters,
       coalesce(rf.detractors, 0) AS Detractors,
       coalesce(rf.satisfied, 0) AS Satisfied,
       coalesce(rf.recent_raters, 0) AS RecentRaters,
       coalesce(rf.recent_ratings, 0) AS RecentRatings,
       coalesce(rf.recent_rating_sum, 0) AS RecentRatingSum,
       coalesce(rf.previous_raters, 0) AS PreviousRaters,
       coalesce(rf.previous_ratings, 0) AS PreviousRatings,
       coalesce(rf.previous_rating_sum, 0) AS PreviousRatingSum
FROM course c
LEFT JOIN enrolment_facts ef ON ef.course_id = c.id AND ef.as_of = c.as_of
LEFT JOIN score_facts sf ON sf.course_id = c.id AND sf.as_of = c.as_of
LEFT JOIN pair_facts pf ON pf.course_id = c.id AND pf.as_of = c.as_of
LEFT JOIN rating_facts rf ON rf.course_id = c.id AND rf.as_of = c.as_of
ORDER BY c.id, c.as_of DESC;
