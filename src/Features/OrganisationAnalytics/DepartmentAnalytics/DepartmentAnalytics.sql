-- Department analytics (ANALYTICS.md §3.5) for every department of @organisationId in one statement: the formulas of #11–#14
-- applied to each department's members (users with role learner), set-based. k (@minGroupSize) is enforced here: only
-- departments with at least k members are returned, and the second statement (same round trip) counts the organisation's
-- departments left out for being smaller, empty ones included (suppressed segments). Per member:
-- - active: an activity day (§0.4) in the last 30 days;
-- - enrolments completed / finished (completed_on or withdrawn_on) in the last 365 days, and the days from s(e) to completion;
-- - course scores (Σ w·best / Σ w over scored assessments, a null or 0 weight counting as 1) and assessments passed
--   (best ≥ pass_threshold_pct);
-- - skills acquired in the last 30 days, in the 30 days before, and whether any in the last 90 days (skill development);
-- - skill-target pairs of the organisation's targets for the member's department or for everyone, and those met;
-- - engagement and velocity from the learner snapshots (#3, #1; LearnerSnapshotInputs made sure they exist): the current value
--   and the weekly history point 28 days before the snapshot's asOf.
-- Each aggregate comes with the number of people behind it, so the calculator can withhold a figure over fewer than k.
WITH members AS MATERIALIZED (
    SELECT u.id AS user_id, u.department_id
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE u.organisation_id = @organisationId
      AND u.department_id IS NOT NULL
), active AS (
    SELECT a.user_id
    FROM lrs.activity_days a
    JOIN members m ON m.user_id = a.user_id
    WHERE a.day BETWEEN @activeFrom AND @asOf AND a.events > 0
    UNION
    SELECT s.user_id
    FROM lrs.submissions s
    JOIN members m ON m.user_id = s.user_id
    WHERE s.submitted_on BETWEEN @activeFrom AND @asOf
    UNION
    SELECT ps.user_id
    FROM lrs.practice_sessions ps
    JOIN members m ON m.user_id = ps.user_id
    WHERE ps.started_at >= (@activeFrom::timestamp AT TIME ZONE @zone) AND ps.started_at < ((@asOf + 1)::timestamp AT TIME ZONE @zone)
    UNION
    SELECT tc.user_id
    FROM lrs.topic_completions tc
    JOIN members m ON m.user_id = tc.user_id
    WHERE tc.completed_at >= (@activeFrom::timestamp AT TIME ZONE @zone) AND tc.completed_at < ((@asOf + 1)::timestamp AT TIME ZONE @zone)
), enrolment_facts AS (
    SELECT e.user_id,
           count(*) FILTER (WHERE e.completed_on BETWEEN @yearFrom AND @asOf) AS completed,
           count(*) FILTER (WHERE coalesce(e.completed_on, e.withdrawn_on) BETWEEN @yearFrom AND @asOf) AS finished,
           sum(e.completed_on - coalesce(e.enrolled_on, c.starts_on))
               FILTER (WHERE e.completed_on BETWEEN @yearFrom AND @asOf AND coalesce(e.enrolled_on, c.starts_on) <= e.completed_on) AS completion_days,
           count(*) FILTER (WHERE e.completed_on BETWEEN @yearFrom AND @asOf AND coalesce(e.enrolled_on, c.starts_on) <= e.completed_on) AS timed
    FROM lrs.enrolments e
    JOIN members m ON m.user_id = e.user_id
    JOIN lrs.courses c ON c.id = e.course_id
    WHERE e.completed_on BETWEEN @yearFrom AND @asOf
       OR e.withdrawn_on BETWEEN @yearFrom AND @asOf
    GROUP BY e.user_id
), best AS (
    SELECT s.user_id, a.course_id,
           max(s.score_pct)::float8 AS best,
           CASE WHEN a.weight = 0 THEN 1 ELSE a.weight END::float8 AS weight,
           a.pass_threshold_pct::float8 AS threshold
    FROM lrs.submissions s
    JOIN members m ON m.user_id = s.user_id
    JOIN lrs.assessments a ON a.id = s.assessment_id
    WHERE s.score_pct IS NOT NULL AND s.submitted_on <= @asOf
    GROUP BY s.user_id, a.course_id, a.id
), course_scores AS (
    SELECT b.user_id,
           sum(b.weight * b.best) / sum(b.weight) AS score,
           count(*) AS assessed,
           count(*) FILTER (WHERE b.best >= b.threshold) AS passed
    FROM best b
    GROUP BY b.user_id, b.course_id
), scores AS (
    SELECT c.user_id, sum(c.score) AS score_sum, count(*) AS courses, sum(c.assessed) AS assessed, sum(c.passed) AS passed
    FROM course_scores c
    GROUP BY c.user_id
), skills AS (
    SELECT us.user_id,
           count(*) FILTER (WHERE us.acquired_on >= @recentFrom) AS acquired_now,
           count(*) FILTER (WHERE us.acquired_on BETWEEN @earlierFrom AND @earlierAsOf) AS acquired_then,
           bool_or(us.acquired_on >= @developmentFrom) AS developing
    FROM lrs.user_skills us
    JOIN members m ON m.user_id = us.user_id
    WHERE us.acquired_on BETWEEN least(@earlierFrom, @developmentFrom) AND @asOf
    GROUP BY us.user_id
), department_targets AS (
    -- skill-target pairs are counted per department, never expanded per (member, target): a department's members each hold
    -- one pair per target of the organisation for their department or for everyone
    SELECT d.department_id, count(*) AS targets
    FROM (SELECT DISTINCT m.department_id FROM members m) AS d
    JOIN lrs.skill_targets t ON t.organisation_id = @organisationId AND (t.department_id IS NULL OR t.department_id = d.department_id)
    GROUP BY d.department_id
), department_met AS (
    -- the pairs met (a member without a user_skills row holds level 0, below every required level of 1–4)
    SELECT m.department_id, count(*) AS met
    FROM members m
    JOIN lrs.user_skills us ON us.user_id = m.user_id
    JOIN lrs.skill_targets t ON t.organisation_id = @organisationId AND t.skill_id = us.skill_id
        AND (t.department_id IS NULL OR t.department_id = m.department_id)
    WHERE us.level >= t.required_level
    GROUP BY m.department_id
), learner_snapshots AS (
    SELECT s.subject_id AS user_id,
           max((s.payload ->> 'overallEngagement')::float8) FILTER (WHERE s.analytic = 'engagement') AS engagement_now,
           max((s.payload #>> '{engagementHistory,7,engagement}')::float8)
               FILTER (WHERE s.analytic = 'engagement'
                         AND (s.payload #>> '{engagementHistory,7,date}')::date = (s.payload ->> 'asOf')::date - 28) AS engagement_then,
           max((s.payload ->> 'currentVelocity')::float8) FILTER (WHERE s.analytic = 'velocity') AS velocity_now,
           max((s.payload #>> '{velocityHistory,7,velocity}')::float8)
               FILTER (WHERE s.analytic = 'velocity'
                         AND (s.payload #>> '{velocityHistory,7,date}')::date = (s.payload ->> 'asOf')::date - 28) AS velocity_then
    FROM analytics.analytics_snapshots s
    WHERE s.organisation_id = @organisationId
      AND s.analytic IN ('engagement', 'velocity') AND s.subject_type = 'learner' AND s.role = 'learner'
    GROUP BY s.subject_id
), grouped AS (
    SELECT m.department_id,
           count(*) AS members,
           count(a.user_id) AS active,
           count(*) FILTER (WHERE e.finished > 0) AS finished_people,
           coalesce(sum(e.completed), 0) AS completed,
           coalesce(sum(e.finished), 0) AS finished,
           count(*) FILTER (WHERE e.timed > 0) AS timed_people,
           coalesce(sum(e.completion_days), 0) AS completion_days,
           coalesce(sum(e.timed), 0) AS timed,
           count(sc.user_id) AS scored_people,
           coalesce(sum(sc.score_sum), 0) AS score_sum,
           coalesce(sum(sc.courses), 0) AS scored_courses,
           coalesce(sum(sc.assessed), 0) AS assessed,
           coalesce(sum(sc.passed), 0) AS passed,
           coalesce(sum(k.acquired_now), 0) AS skills_now,
           coalesce(sum(k.acquired_then), 0) AS skills_then,
           count(*) FILTER (WHERE a.user_id IS NOT NULL AND k.developing) AS developing,
           count(ls.engagement_now) AS engagement_people,
           avg(ls.engagement_now) AS engagement_now,
           count(ls.engagement_then) AS engagement_then_people,
           avg(ls.engagement_then) AS engagement_then,
           count(ls.velocity_now) AS velocity_people,
           avg(ls.velocity_now) AS velocity_now,
           count(ls.velocity_then) AS velocity_then_people,
           avg(ls.velocity_then) AS velocity_then
    FROM members m
    LEFT JOIN active a ON a.user_id = m.user_id
    LEFT JOIN enrolment_facts e ON e.user_id = m.user_id
    LEFT JOIN scores sc ON sc.user_id = m.user_id
    LEFT JOIN skills k ON k.user_id = m.user_id
    LEFT JOIN learner_snapshots ls ON ls.user_id = m.user_id
    GROUP BY m.department_id
)
SELECT g.department_id AS DepartmentId,
       d.name AS DepartmentName,
       g.members::integer AS Members,
       g.active::integer AS Active,
       g.finished_people::integer AS FinishedPeople,
       g.completed::integer AS Completed,
       g.finished::integer AS Finished,
       g.timed_people::integer AS TimedPeople,
       g.completion_days::float8 AS CompletionDays,
       g.timed::integer AS TimedCompletions,
       g.scored_people::integer AS ScoredPeople,
       g.score_sum::float8 AS ScoreSum,
       g.scored_courses::integer AS ScoredCourses,
       g.assessed::integer AS Assessed,
       g.passed::integer AS Passed,
       g.skills_now::integer AS SkillsNow,
       g.skills_then::integer AS SkillsThen,
       g.developing::integer AS Developing,
       CASE WHEN coalesce(dt.targets, 0) > 0 THEN g.members ELSE 0 END::integer AS CoveragePeople,
       (g.members * coalesce(dt.targets, 0))::integer AS Pairs,
       coalesce(dm.met, 0)::integer AS Met,
       g.engagement_people::integer AS EngagementPeople,
       g.engagement_now AS EngagementNow,
       g.engagement_then_people::integer AS EngagementThenPeople,
       g.engagement_then AS EngagementThen,
       g.velocity_people::integer AS VelocityPeople,
       g.velocity_now AS VelocityNow,
       g.velocity_then_people::integer AS VelocityThenPeople,
       g.velocity_then AS VelocityThen
FROM grouped g
JOIN lrs.departments d ON d.id = g.department_id
LEFT JOIN department_targets dt ON dt.department_id = g.department_id
LEFT JOIN department_met dm ON dm.department_id = g.department_id
WHERE g.members >= @minGroupSize
ORDER BY d.name, g.department_id;

SELECT count(*)::integer AS SuppressedSegments
FROM lrs.departments d
WHERE d.organisation_id = @organisationId
  AND (SELECT count(*)
       FROM lrs.users u
       JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
       WHERE u.organisation_id = @organisationId AND u.department_id = d.id) < @minGroupSize;
