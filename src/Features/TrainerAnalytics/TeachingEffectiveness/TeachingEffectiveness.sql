-- Teaching effectiveness inputs at asOf (ANALYTICS.md §2.4). A trainer's feedback is dated on that trainer's local calendar
-- (the subject's is @zone), so a peer's outcome is the same whichever trainer of the organisation it is read for.
-- 1. per trainer: the subject over @courseIds (its courses in scope, or the one requested) and, with @includePeers, every
--    other trainer of @organisationId over all the courses they teach (the peers): learners, finished enrolments, (learner,
--    assessment) pairs passed, and ratings with their 90-day windows. The peers cost a pass over the organisation's
--    submissions, so the handler reads them once per organisation, asOf and data version (with no subject course) and keeps
--    them;
-- 2. per learner of the subject's courses with ≥ 4 non-banked scores: mean of the last 2 minus mean of the first 2;
-- 3. (completed learner, course skill) pairs of the subject's courses and those acquired after the enrolment.
WITH taught AS (
    SELECT @trainerId::text AS trainer_id, subject_course.course_id, @zone::text AS zone
    FROM unnest(@courseIds) AS subject_course (course_id)
    UNION ALL
    SELECT ct.user_id, ct.course_id, coalesce(u.time_zone, o.time_zone, 'UTC')
    FROM lrs.user_roles ur
    JOIN lrs.users u ON u.id = ur.user_id
    JOIN lrs.organisations o ON o.id = u.organisation_id
    JOIN lrs.course_trainers ct ON ct.user_id = ur.user_id
    WHERE @includePeers AND ur.role = 'trainer' AND u.organisation_id = @organisationId AND ur.user_id <> @trainerId
), roster AS (
    SELECT t.trainer_id, c.id AS course_id, e.user_id,
           CASE
               WHEN e.completed_on <= @asOf THEN 'completed'
               WHEN e.withdrawn_on <= @asOf THEN 'withdrawn'
               ELSE 'active'
           END AS state,
           coalesce(c.ends_on, e.enrolled_on + c.length_days) AS expected_end
    FROM taught t
    JOIN lrs.courses c ON c.id = t.course_id
    JOIN lrs.enrolments e ON e.course_id = c.id
    WHERE coalesce(e.enrolled_on, c.starts_on) <= @asOf
      AND (c.ends_on IS NOT NULL OR c.length_days IS NOT NULL OR e.enrolled_on > @asOf - @openEndedWindowDays)
), enrolment_facts AS (
    SELECT r.trainer_id,
           count(DISTINCT r.user_id)::integer AS learners,
           count(*) FILTER (WHERE r.state = 'completed')::integer AS completed,
           count(*) FILTER (WHERE r.state = 'withdrawn')::integer AS withdrawn,
           count(*) FILTER (WHERE r.state = 'active' AND r.expected_end <= @asOf)::integer AS overdue_active
    FROM roster r
    GROUP BY r.trainer_id
), best AS (
    SELECT r.trainer_id, r.user_id, a.id, max(s.score_pct) >= a.pass_threshold_pct AS passed
    FROM roster r
    JOIN lrs.assessments a ON a.course_id = r.course_id
    JOIN lrs.submissions s ON s.assessment_id = a.id AND s.user_id = r.user_id
    WHERE s.score_pct IS NOT NULL AND s.submitted_on <= @asOf
    GROUP BY r.trainer_id, r.user_id, a.id
), pair_facts AS (
    SELECT b.trainer_id, count(DISTINCT b.user_id)::integer AS scored_learners, count(*)::integer AS pairs,
           count(*) FILTER (WHERE b.passed)::integer AS passed_pairs
    FROM best b
    GROUP BY b.trainer_id
), ratings AS (
    SELECT t.trainer_id, f.user_id, f.rating, (f.submitted_at AT TIME ZONE t.zone)::date AS day
    FROM taught t
    JOIN lrs.feedback f ON f.course_id = t.course_id
    WHERE (f.submitted_at AT TIME ZONE t.zone)::date <= @asOf
), rating_facts AS (
    SELECT g.trainer_id,
           count(*)::integer AS ratings,
           count(DISTINCT g.user_id)::integer AS raters,
           sum(g.rating)::integer AS rating_sum,
           count(*) FILTER (WHERE g.day > @asOf - 90)::integer AS recent_ratings,
           count(DISTINCT g.user_id) FILTER (WHERE g.day > @asOf - 90)::integer AS recent_raters,
           coalesce(sum(g.rating) FILTER (WHERE g.day > @asOf - 90), 0)::integer AS recent_rating_sum,
           count(*) FILTER (WHERE g.day <= @asOf - 90 AND g.day > @asOf - 180)::integer AS previous_ratings,
           count(DISTINCT g.user_id) FILTER (WHERE g.day <= @asOf - 90 AND g.day > @asOf - 180)::integer AS previous_raters,
           coalesce(sum(g.rating) FILTER (WHERE g.day <= @asOf - 90 AND g.day > @asOf - 180), 0)::integer AS previous_rating_sum
    FROM ratings g
    GROUP BY g.trainer_id
)
SELECT ef.trainer_id AS TrainerId,
       ef.learners AS Learners,
       ef.completed AS Completed,
       ef.withdrawn AS Withdrawn,
       ef.overdue_active AS OverdueActive,
       coalesce(pf.scored_learners, 0) AS ScoredLearners,
       coalesce(pf.pairs, 0) AS Pairs,
       coalesce(pf.passed_pairs, 0) AS PassedPairs,
       coalesce(rf.ratings, 0) AS Ratings,
       coalesce(rf.raters, 0) AS Raters,
       coalesce(rf.rating_sum, 0) AS RatingSum,
       coalesce(rf.recent_ratings, 0) AS RecentRatings,
       coalesce(rf.recent_raters, 0) AS RecentRaters,
       coalesce(rf.recent_rating_sum, 0) AS RecentRatingSum,
       coalesce(rf.previous_ratings, 0) AS PreviousRatings,
       coalesce(rf.previous_raters, 0) AS PreviousRaters,
       coalesce(rf.previous_rating_sum, 0) AS PreviousRatingSum
FROM enrolment_facts ef
LEFT JOIN pair_facts pf ON pf.trainer_id = ef.trainer_id
LEFT JOIN rating_facts rf ON rf.trainer_id = ef.trainer_id
ORDER BY ef.trainer_id;

WITH roster AS (
    SELECT c.id AS course_id, e.user_id
    FROM lrs.courses c
    JOIN lrs.enrolments e ON e.course_id = c.id
    WHERE c.id = ANY (@courseIds)
      AND coalesce(e.enrolled_on, c.starts_on) <= @asOf
      AND (c.ends_on IS NOT NULL OR c.length_days IS NOT NULL OR e.enrolled_on > @asOf - @openEndedWindowDays)
), scores AS (
    SELECT s.user_id, s.score_pct::float8 AS score,
           row_number() OVER (PARTITION BY s.user_id ORDER BY s.submitted_on, s.submitted_at, s.attempt, s.id) AS position,
           count(*) OVER (PARTITION BY s.user_id) AS total
    FROM roster r
    JOIN lrs.assessments a ON a.course_id = r.course_id
    JOIN lrs.submissions s ON s.assessment_id = a.id AND s.user_id = r.user_id
    WHERE s.score_pct IS NOT NULL AND NOT s.is_banked AND s.submitted_on <= @asOf
)
SELECT (avg(sc.score) FILTER (WHERE sc.position > sc.total - 2) - avg(sc.score) FILTER (WHERE sc.position <= 2))::float8 AS Improvement
FROM scores sc
WHERE sc.total >= 4
GROUP BY sc.user_id
ORDER BY sc.user_id;

SELECT count(*)::integer AS Pairs,
       count(*) FILTER (WHERE us.acquired AND us.acquired_on > coalesce(e.enrolled_on, c.starts_on) AND us.acquired_on <= @asOf)::integer
           AS Acquired,
       count(DISTINCT e.user_id)::integer AS Learners
FROM lrs.courses c
JOIN lrs.enrolments e ON e.course_id = c.id
JOIN lrs.course_skills cs ON cs.course_id = c.id
LEFT JOIN lrs.user_skills us ON us.user_id = e.user_id AND us.skill_id = cs.skill_id
WHERE c.id = ANY (@courseIds)
  AND e.completed_on <= @asOf
  AND coalesce(e.enrolled_on, c.starts_on) <= @asOf
  AND (c.ends_on IS NOT NULL OR c.length_days IS NOT NULL OR e.enrolled_on > @asOf - @openEndedWindowDays);
