-- Performance inputs for a set of learners (ANALYTICS.md §1.5; @userIds, one element for a single learner), read after
-- Subject.Users in the same round trip; rows end with UserId. @courseId (nullable; a single-learner filter) narrows them to one
-- course. Only submissions dated up to each learner's asOf (the reference date − 1) count.
-- 1. the learners for whom @courseId is one of their courses (an enrolment of any status; API.md §3.4), all of them without a filter;
-- 2. the learners' submissions in time order with their assessment, topic and course facts ((user_id, submitted_on) index);
-- 3. the skills of each assessment a learner submitted: topic_skills of its topic, else course_skills of its course.
SELECT l.user_id AS UserId
FROM unnest(@userIds) AS l(user_id)
WHERE @courseId::text IS NULL
   OR EXISTS (SELECT 1 FROM lrs.enrolments e WHERE e.user_id = l.user_id AND e.course_id = @courseId);

WITH learner AS (
    SELECT u.id AS user_id,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) - 1 AS as_of
    FROM lrs.users u
    JOIN lrs.organisations o ON o.id = u.organisation_id
    WHERE u.id = ANY (@userIds)
)
SELECT sb.id AS Id,
       sb.assessment_id AS AssessmentId,
       a.title AS AssessmentTitle,
       a.kind AS Kind,
       a.weight::float8 AS Weight,
       a.pass_threshold_pct::float8 AS PassThresholdPct,
       t.title AS TopicTitle,
       c.title AS CourseTitle,
       c.category AS CourseCategory,
       sb.submitted_on AS SubmittedOn,
       sb.attempt::integer AS Attempt,
       sb.score_pct::float8 AS ScorePct,
       sb.time_spent_s AS TimeSpentSeconds,
       sb.is_banked AS IsBanked,
       sb.user_id AS UserId
FROM learner l
JOIN lrs.submissions sb ON sb.user_id = l.user_id AND sb.submitted_on <= l.as_of
JOIN lrs.assessments a ON a.id = sb.assessment_id
JOIN lrs.courses c ON c.id = a.course_id
LEFT JOIN lrs.topics t ON t.id = a.topic_id
WHERE @courseId::text IS NULL OR a.course_id = @courseId
ORDER BY sb.user_id, sb.submitted_on, sb.submitted_at NULLS LAST, sb.attempt, sb.id;

WITH submitted AS (
    SELECT DISTINCT sb.user_id, a.id, a.topic_id, a.course_id
    FROM lrs.submissions sb
    JOIN lrs.assessments a ON a.id = sb.assessment_id
    WHERE sb.user_id = ANY (@userIds) AND (@courseId::text IS NULL OR a.course_id = @courseId)
), mapped AS (
    SELECT sa.user_id, sa.id AS assessment_id, ts.skill_id
    FROM submitted sa
    JOIN lrs.topic_skills ts ON ts.topic_id = sa.topic_id
    UNION
    SELECT sa.user_id, sa.id, cs.skill_id
    FROM submitted sa
    JOIN lrs.course_skills cs ON cs.course_id = sa.course_id
    WHERE NOT EXISTS (SELECT 1 FROM lrs.topic_skills ts WHERE ts.topic_id = sa.topic_id)
)
SELECT m.assessment_id AS AssessmentId,
       k.id AS SkillId,
       k.name AS SkillName,
       m.user_id AS UserId
FROM mapped m
JOIN lrs.skills k ON k.id = m.skill_id
ORDER BY m.user_id, m.assessment_id, k.id;
