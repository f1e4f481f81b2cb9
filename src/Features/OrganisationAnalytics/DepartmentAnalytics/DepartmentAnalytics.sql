-- Department analytics (ANALYTICS.md §3.5) for every department of @organisationId in one statement: the formulas of #11–#14
-- applied to each department's members (users with role learner), set-based over their member facts (MemberFacts made them
-- current; windows counted back from asOf). k (@minGroupSize) is enforced here: only departments with at least k members are
-- returned, and the second statement (same round trip) counts the organisation's departments left out for being smaller, empty
-- ones included (suppressed segments). Per member:
-- - active: an activity day (§0.4) in the last 30 days;
-- - enrolments completed / finished (completed_on or withdrawn_on) in the last 365 days, and the days from s(e) to completion;
-- - course scores (Σ w·best / Σ w over scored assessments, a null or 0 weight counting as 1) and assessments passed
--   (best ≥ pass_threshold_pct);
-- - skills acquired in the last 30 days, in the 30 days before, and whether any in the last 90 days (skill development);
-- - skill-target pairs of the organisation's targets for the member's department or for everyone, and those met;
-- - engagement and velocity from the learner snapshots (#3, #1): the current value and the weekly history point 28 days before
--   the snapshot's asOf.
-- Each aggregate comes with the number of people behind it, so the calculator can withhold a figure over fewer than k.
WITH grouped AS (
    SELECT f.department_id,
           count(*) AS members,
           count(*) FILTER (WHERE f.active_recent) AS active,
           count(*) FILTER (WHERE f.finished_year > 0) AS finished_people,
           sum(f.completed_year) AS completed,
           sum(f.finished_year) AS finished,
           count(*) FILTER (WHERE f.timed_completions > 0) AS timed_people,
           sum(f.completion_days) AS completion_days,
           sum(f.timed_completions) AS timed,
           count(*) FILTER (WHERE f.scored_courses > 0) AS scored_people,
           coalesce(sum(f.score_sum), 0) AS score_sum,
           sum(f.scored_courses) AS scored_courses,
           sum(f.assessed) AS assessed,
           sum(f.passed) AS passed,
           sum(f.skills_recent) AS skills_now,
           sum(f.skills_earlier) AS skills_then,
           count(*) FILTER (WHERE f.active_recent AND f.skills_ninety > 0) AS developing,
           count(*) FILTER (WHERE f.target_pairs > 0) AS coverage_people,
           sum(f.target_pairs) AS pairs,
           sum(f.targets_met) AS met,
           count(f.engagement) AS engagement_people,
           avg(f.engagement) AS engagement_now,
           count(f.engagement_before) AS engagement_then_people,
           avg(f.engagement_before) AS engagement_then,
           count(f.velocity) AS velocity_people,
           avg(f.velocity) AS velocity_now,
           count(f.velocity_before) AS velocity_then_people,
           avg(f.velocity_before) AS velocity_then
    FROM analytics.member_facts f
    WHERE f.organisation_id = @organisationId
      AND f.department_id IS NOT NULL
    GROUP BY f.department_id
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
       g.coverage_people::integer AS CoveragePeople,
       g.pairs::integer AS Pairs,
       g.met::integer AS Met,
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
WHERE g.members >= @minGroupSize
ORDER BY d.name, g.department_id;

SELECT count(*)::integer AS SuppressedSegments
FROM lrs.departments d
LEFT JOIN (SELECT f.department_id, count(*) AS members
           FROM analytics.member_facts f
           WHERE f.organisation_id = @organisationId
           GROUP BY f.department_id) m ON m.department_id = d.id
WHERE d.organisation_id = @organisationId
  AND coalesce(m.members, 0) < @minGroupSize;
