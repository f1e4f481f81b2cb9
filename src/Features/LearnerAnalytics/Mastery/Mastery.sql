-- Mastery inputs for a set of learners (ANALYTICS.md §1.4; @userIds, one element for a single learner), read after
-- Subject.Users in the same round trip; rows end with UserId and each learner's local days use their own zone:
-- 1. the learners' learning paths; 2. the skills each path's topics teach;
-- 3. each path topic's first completion (topic completion or passed practice) and first activity, as local days;
-- 4. the skills of the courses of every enrolment, with the dates of the as-of status rule;
-- 5. the skills the learner's organisation targets for them (org-wide or their department);
-- 6. the skill and the learner's user_skills row for every skill of 2, 4 and 5;
-- 7. mastery evidence per skill and local day: a score >= @scorePct on an assessment whose topic teaches the skill,
--    or a passed practice session for the skill or for a topic teaching it.
SELECT p.id AS PathId, p.title AS Title, p.user_id AS UserId
FROM lrs.learning_paths p
WHERE p.user_id = ANY (@userIds)
ORDER BY p.user_id, p.id;

SELECT DISTINCT p.id AS PathId, ts.skill_id AS SkillId, p.user_id AS UserId
FROM lrs.learning_paths p
JOIN lrs.learning_path_topics lpt ON lpt.path_id = p.id
JOIN lrs.topic_skills ts ON ts.topic_id = lpt.topic_id
WHERE p.user_id = ANY (@userIds)
ORDER BY p.user_id, p.id, ts.skill_id;

-- The learners' first day per topic is read for all their topics and kept for their path topics by the final join (a topic's
-- first completion or activity does not depend on which topics are asked about). Each source is read once per learner
-- through its user_id index; passed practice counts as both a completion and an activity (least() skips nulls).
WITH learner AS NOT MATERIALIZED (
    SELECT u.id AS user_id, coalesce(u.time_zone, o.time_zone, 'UTC') AS zone
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = ANY (@userIds)
), path_topics AS (
    SELECT DISTINCT p.user_id, p.id AS path_id, lpt.topic_id
    FROM lrs.learning_paths p
    JOIN lrs.learning_path_topics lpt ON lpt.path_id = p.id
    WHERE p.user_id = ANY (@userIds)
), completions AS (
    SELECT tc.user_id, tc.topic_id, min((tc.completed_at AT TIME ZONE l.zone)::date) AS day
    FROM lrs.topic_completions tc
    JOIN learner l ON l.user_id = tc.user_id
    WHERE tc.user_id = ANY (@userIds)
    GROUP BY tc.user_id, tc.topic_id
), practice AS (
    SELECT ps.user_id,
           ps.topic_id,
           min((ps.started_at AT TIME ZONE l.zone)::date) FILTER (WHERE ps.passed) AS passed_on,
           min((ps.started_at AT TIME ZONE l.zone)::date) AS practised_on
    FROM lrs.practice_sessions ps
    JOIN learner l ON l.user_id = ps.user_id
    WHERE ps.user_id = ANY (@userIds) AND ps.topic_id IS NOT NULL
    GROUP BY ps.user_id, ps.topic_id
), activity AS (
    SELECT f.user_id, ci.topic_id, min(f.day) AS day
    FROM (SELECT ad.user_id, ad.content_item_id, min(ad.day) AS day
          FROM lrs.activity_days ad
          WHERE ad.user_id = ANY (@userIds) AND ad.events > 0
          GROUP BY ad.user_id, ad.content_item_id) f
    JOIN lrs.content_items ci ON ci.id = f.content_item_id
    WHERE ci.topic_id IS NOT NULL
    GROUP BY f.user_id, ci.topic_id
), submitted AS (
    SELECT s.user_id, a.topic_id, min(s.submitted_on) AS day
    FROM lrs.submissions s
    JOIN lrs.assessments a ON a.id = s.assessment_id
    WHERE s.user_id = ANY (@userIds) AND a.topic_id IS NOT NULL
    GROUP BY s.user_id, a.topic_id
)
SELECT pt.path_id AS PathId,
       pt.topic_id AS TopicId,
       least(c.day, p.passed_on) AS CompletedOn,
       least(c.day, p.practised_on, a.day, s.day) AS FirstActivityOn,
       pt.user_id AS UserId
FROM path_topics pt
LEFT JOIN completions c ON c.user_id = pt.user_id AND c.topic_id = pt.topic_id
LEFT JOIN practice p ON p.user_id = pt.user_id AND p.topic_id = pt.topic_id
LEFT JOIN activity a ON a.user_id = pt.user_id AND a.topic_id = pt.topic_id
LEFT JOIN submitted s ON s.user_id = pt.user_id AND s.topic_id = pt.topic_id
ORDER BY pt.user_id, pt.path_id, pt.topic_id;

SELECT e.course_id AS CourseId,
       e.enrolled_on AS EnrolledOn,
       e.completed_on AS CompletedOn,
       e.withdrawn_on AS WithdrawnOn,
       c.starts_on AS CourseStartsOn,
       cs.skill_id AS SkillId,
       e.user_id AS UserId
FROM lrs.enrolments e
JOIN lrs.courses c ON c.id = e.course_id
JOIN lrs.course_skills cs ON cs.course_id = e.course_id
WHERE e.user_id = ANY (@userIds)
ORDER BY e.user_id, e.course_id, cs.skill_id;

SELECT DISTINCT st.skill_id AS SkillId, u.id AS UserId
FROM lrs.users u
JOIN lrs.skill_targets st
  ON st.organisation_id = u.organisation_id AND (st.department_id IS NULL OR st.department_id = u.department_id)
WHERE u.id = ANY (@userIds)
ORDER BY u.id, st.skill_id;

WITH candidates AS (
    SELECT p.user_id, ts.skill_id
    FROM lrs.learning_paths p
    JOIN lrs.learning_path_topics lpt ON lpt.path_id = p.id
    JOIN lrs.topic_skills ts ON ts.topic_id = lpt.topic_id
    WHERE p.user_id = ANY (@userIds)
    UNION
    SELECT e.user_id, cs.skill_id
    FROM lrs.enrolments e
    JOIN lrs.course_skills cs ON cs.course_id = e.course_id
    WHERE e.user_id = ANY (@userIds)
    UNION
    SELECT u.id, st.skill_id
    FROM lrs.users u
    JOIN lrs.skill_targets st
      ON st.organisation_id = u.organisation_id AND (st.department_id IS NULL OR st.department_id = u.department_id)
    WHERE u.id = ANY (@userIds)
)
SELECT s.id AS SkillId,
       s.name AS Name,
       s.category AS Category,
       us.level::integer AS Level,
       coalesce(us.acquired, false) AS Acquired,
       us.acquired_on AS AcquiredOn,
       c.user_id AS UserId
FROM candidates c
JOIN lrs.skills s ON s.id = c.skill_id
LEFT JOIN lrs.user_skills us ON us.user_id = c.user_id AND us.skill_id = s.id AND us.user_id = ANY (@userIds)
ORDER BY c.user_id, s.id;

WITH learner AS (
    SELECT u.id AS user_id, coalesce(u.time_zone, o.time_zone, 'UTC') AS zone
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = ANY (@userIds)
)
SELECT ts.skill_id AS SkillId, 'score' AS Kind, s.submitted_on AS Day, s.user_id AS UserId
FROM lrs.submissions s
JOIN lrs.assessments a ON a.id = s.assessment_id
JOIN lrs.topic_skills ts ON ts.topic_id = a.topic_id
WHERE s.user_id = ANY (@userIds) AND s.score_pct >= @scorePct
UNION
SELECT ps.skill_id, 'practice', (ps.started_at AT TIME ZONE l.zone)::date, ps.user_id
FROM lrs.practice_sessions ps
JOIN learner l ON l.user_id = ps.user_id
WHERE ps.user_id = ANY (@userIds) AND ps.passed AND ps.skill_id IS NOT NULL
UNION
SELECT ts.skill_id, 'practice', (ps.started_at AT TIME ZONE l.zone)::date, ps.user_id
FROM lrs.practice_sessions ps
JOIN learner l ON l.user_id = ps.user_id
JOIN lrs.topic_skills ts ON ts.topic_id = ps.topic_id
WHERE ps.user_id = ANY (@userIds) AND ps.passed;
