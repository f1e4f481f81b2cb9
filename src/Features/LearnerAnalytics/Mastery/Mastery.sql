-- Mastery inputs for one learner (ANALYTICS.md §1.4), read after Subject.User in the same round trip:
-- 1. the learner's learning paths; 2. the skills each path's topics teach;
-- 3. each path topic's first completion (topic completion or passed practice) and first activity, as local days;
-- 4. the skills of the courses of every enrolment, with the dates of the as-of status rule;
-- 5. the skills the learner's organisation targets for them (org-wide or their department);
-- 6. the skill and the learner's user_skills row for every skill of 2, 4 and 5;
-- 7. mastery evidence per skill and local day: a score >= @scorePct on an assessment whose topic teaches the skill,
--    or a passed practice session for the skill or for a topic teaching it.
SELECT p.id AS PathId, p.title AS Title
FROM lrs.learning_paths p
WHERE p.user_id = @userId;

SELECT DISTINCT p.id AS PathId, ts.skill_id AS SkillId
FROM lrs.learning_paths p
JOIN lrs.learning_path_topics lpt ON lpt.path_id = p.id
JOIN lrs.topic_skills ts ON ts.topic_id = lpt.topic_id
WHERE p.user_id = @userId;

WITH zone AS (
    SELECT coalesce(u.time_zone, o.time_zone, 'UTC') AS name
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = @userId
), path_topics AS (
    SELECT DISTINCT p.id AS path_id, lpt.topic_id
    FROM lrs.learning_paths p
    JOIN lrs.learning_path_topics lpt ON lpt.path_id = p.id
    WHERE p.user_id = @userId
), completed AS (
    SELECT tc.topic_id, (tc.completed_at AT TIME ZONE (SELECT name FROM zone))::date AS day
    FROM lrs.topic_completions tc
    WHERE tc.user_id = @userId AND tc.topic_id IN (SELECT topic_id FROM path_topics)
    UNION ALL
    SELECT ps.topic_id, (ps.started_at AT TIME ZONE (SELECT name FROM zone))::date
    FROM lrs.practice_sessions ps
    WHERE ps.user_id = @userId AND ps.passed AND ps.topic_id IN (SELECT topic_id FROM path_topics)
), touched AS (
    SELECT topic_id, day FROM completed
    UNION ALL
    SELECT ci.topic_id, ad.day
    FROM lrs.activity_days ad
    JOIN lrs.content_items ci ON ci.id = ad.content_item_id
    WHERE ad.user_id = @userId AND ad.events > 0 AND ci.topic_id IN (SELECT topic_id FROM path_topics)
    UNION ALL
    SELECT a.topic_id, s.submitted_on
    FROM lrs.submissions s
    JOIN lrs.assessments a ON a.id = s.assessment_id
    WHERE s.user_id = @userId AND a.topic_id IN (SELECT topic_id FROM path_topics)
    UNION ALL
    SELECT ps.topic_id, (ps.started_at AT TIME ZONE (SELECT name FROM zone))::date
    FROM lrs.practice_sessions ps
    WHERE ps.user_id = @userId AND ps.topic_id IN (SELECT topic_id FROM path_topics)
)
SELECT pt.path_id AS PathId,
       pt.topic_id AS TopicId,
       (SELECT min(c.day) FROM completed c WHERE c.topic_id = pt.topic_id) AS CompletedOn,
       (SELECT min(t.day) FROM touched t WHERE t.topic_id = pt.topic_id) AS FirstActivityOn
FROM path_topics pt;

SELECT e.course_id AS CourseId,
       e.enrolled_on AS EnrolledOn,
       e.completed_on AS CompletedOn,
       e.withdrawn_on AS WithdrawnOn,
       c.starts_on AS CourseStartsOn,
       cs.skill_id AS SkillId
FROM lrs.enrolments e
JOIN lrs.courses c ON c.id = e.course_id
JOIN lrs.course_skills cs ON cs.course_id = e.course_id
WHERE e.user_id = @userId;

SELECT DISTINCT st.skill_id AS SkillId
FROM lrs.users u
JOIN lrs.skill_targets st
  ON st.organisation_id = u.organisation_id AND (st.department_id IS NULL OR st.department_id = u.department_id)
WHERE u.id = @userId;

WITH candidates AS (
    SELECT ts.skill_id
    FROM lrs.learning_paths p
    JOIN lrs.learning_path_topics lpt ON lpt.path_id = p.id
    JOIN lrs.topic_skills ts ON ts.topic_id = lpt.topic_id
    WHERE p.user_id = @userId
    UNION
    SELECT cs.skill_id
    FROM lrs.enrolments e
    JOIN lrs.course_skills cs ON cs.course_id = e.course_id
    WHERE e.user_id = @userId
    UNION
    SELECT st.skill_id
    FROM lrs.users u
    JOIN lrs.skill_targets st
      ON st.organisation_id = u.organisation_id AND (st.department_id IS NULL OR st.department_id = u.department_id)
    WHERE u.id = @userId
)
SELECT s.id AS SkillId,
       s.name AS Name,
       s.category AS Category,
       us.level::integer AS Level,
       coalesce(us.acquired, false) AS Acquired,
       us.acquired_on AS AcquiredOn
FROM candidates c
JOIN lrs.skills s ON s.id = c.skill_id
LEFT JOIN lrs.user_skills us ON us.user_id = @userId AND us.skill_id = s.id;

WITH zone AS (
    SELECT coalesce(u.time_zone, o.time_zone, 'UTC') AS name
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = @userId
)
SELECT ts.skill_id AS SkillId, 'score' AS Kind, s.submitted_on AS Day
FROM lrs.submissions s
JOIN lrs.assessments a ON a.id = s.assessment_id
JOIN lrs.topic_skills ts ON ts.topic_id = a.topic_id
WHERE s.user_id = @userId AND s.score_pct >= @scorePct
UNION
SELECT ps.skill_id, 'practice', (ps.started_at AT TIME ZONE (SELECT name FROM zone))::date
FROM lrs.practice_sessions ps
WHERE ps.user_id = @userId AND ps.passed AND ps.skill_id IS NOT NULL
UNION
SELECT ts.skill_id, 'practice', (ps.started_at AT TIME ZONE (SELECT name FROM zone))::date
FROM lrs.practice_sessions ps
JOIN lrs.topic_skills ts ON ts.topic_id = ps.topic_id
WHERE ps.user_id = @userId AND ps.passed;
