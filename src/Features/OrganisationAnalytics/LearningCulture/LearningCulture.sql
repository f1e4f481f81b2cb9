-- Learning culture of one organisation, or of one of its departments (ANALYTICS.md §3.3), in one statement: every figure is
-- an aggregate over the members (users of the organisation or department with the learner role). Windows end at @asOf and
-- are passed as constants, so activity_days partitions are pruned; timestamps are compared with the local midnights of the
-- organisation's time zone (`(@from30::timestamp AT TIME ZONE @timeZone)`, a constant), which keeps them sargable.
-- k-anonymity is enforced here: below @minGroupSize members nothing about the group is read (members is empty) and the head
-- count is not returned; the calculator checks again.
WITH candidates AS (
    SELECT u.id AS user_id
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE u.organisation_id = @organisationId
      AND (@departmentId::text IS NULL OR u.department_id = @departmentId::text)
),
head AS (
    SELECT count(*)::integer AS employees FROM candidates
),
members AS (
    SELECT c.user_id
    FROM candidates c
    CROSS JOIN head h
    WHERE h.employees >= @minGroupSize
),
-- Learners of the whole organisation: whether its sources supply a kind is judged for the organisation (§0.4).
organisation_users AS (
    SELECT u.id AS user_id
    FROM lrs.users u
    WHERE u.organisation_id = @organisationId
),
feedback_given AS (
    SELECT DISTINCT f.user_id, f.course_id
    FROM lrs.feedback f
    JOIN members m ON m.user_id = f.user_id
    WHERE f.submitted_at < ((@asOf + 1)::timestamp AT TIME ZONE @timeZone)
),
enrolment_facts AS (
    SELECT count(*) FILTER (WHERE e.enrolled_on BETWEEN @from365 AND @asOf)::integer AS enrolled,
           count(*) FILTER (WHERE e.enrolled_on BETWEEN @from365 AND @asOf AND e.kind = 'voluntary')::integer AS enrolled_voluntary,
           count(*) FILTER (WHERE e.completed_on BETWEEN @from365 AND @asOf)::integer AS completed,
           count(*) FILTER (WHERE e.completed_on BETWEEN @from365 AND @asOf AND e.kind = 'voluntary')::integer AS completed_voluntary,
           count(*) FILTER (WHERE e.completed_on BETWEEN @from90 AND @asOf)::integer AS completed_90,
           count(*) FILTER (WHERE e.completed_on BETWEEN @from180 AND @from90 - 1)::integer AS completed_previous_90,
           count(*) FILTER (WHERE e.completed_on BETWEEN @from90 AND @asOf AND fg.user_id IS NOT NULL)::integer AS completed_90_with_feedback
    FROM lrs.enrolments e
    JOIN members m ON m.user_id = e.user_id
    LEFT JOIN feedback_given fg ON fg.user_id = e.user_id AND fg.course_id = e.course_id
),
-- Per member with activity_days events in the last 30 days: forum-item activity and the minutes (null when none recorded).
activity AS (
    SELECT a.user_id,
           bool_or(ci.type = 'forum') AS forum,
           sum(a.minutes) AS minutes
    FROM lrs.activity_days a
    JOIN members m ON m.user_id = a.user_id
    LEFT JOIN lrs.content_items ci ON ci.id = a.content_item_id
    WHERE a.day BETWEEN @from30 AND @asOf
      AND a.events > 0
    GROUP BY a.user_id
),
-- An activity day (§0.4) is also a submission, a practice session or a topic completion.
active AS (
    SELECT user_id FROM activity
    UNION
    SELECT s.user_id
    FROM lrs.submissions s
    JOIN members m ON m.user_id = s.user_id
    WHERE s.submitted_on BETWEEN @from30 AND @asOf
    UNION
    SELECT p.user_id
    FROM lrs.practice_sessions p
    JOIN members m ON m.user_id = p.user_id
    WHERE p.started_at >= (@from30::timestamp AT TIME ZONE @timeZone) AND p.started_at < ((@asOf + 1)::timestamp AT TIME ZONE @timeZone)
    UNION
    SELECT t.user_id
    FROM lrs.topic_completions t
    JOIN members m ON m.user_id = t.user_id
    WHERE t.completed_at >= (@from30::timestamp AT TIME ZONE @timeZone) AND t.completed_at < ((@asOf + 1)::timestamp AT TIME ZONE @timeZone)
),
activity_facts AS (
    SELECT count(*)::integer AS active,
           (count(*) FILTER (WHERE a.forum))::integer AS forum,
           (count(a.minutes) FILTER (WHERE a.minutes > 0))::integer AS with_minutes,
           CASE WHEN count(*) >= @minGroupSize
                THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY coalesce(a.minutes, 0) * 7.0 / 30) END AS median_weekly_minutes
    FROM active x
    LEFT JOIN activity a ON a.user_id = x.user_id
),
-- Inputs from other analytics (§0.7): the members' engagement snapshots, which the handler has made fresh before this runs.
engagement AS (
    SELECT count(s.payload ->> 'overallEngagement')::integer AS rated,
           avg((s.payload ->> 'overallEngagement')::double precision) AS mean
    FROM analytics.analytics_snapshots s
    JOIN members m ON m.user_id = s.subject_id
    WHERE s.organisation_id = @organisationId
      AND s.analytic = 'engagement'
      AND s.subject_type = 'learner'
      AND s.role = 'learner'
),
contribution_facts AS (
    SELECT (SELECT count(*)
            FROM lrs.content_contributions cc
            JOIN members m ON m.user_id = cc.user_id
            WHERE cc.at >= (@from30::timestamp AT TIME ZONE @timeZone) AND cc.at < ((@asOf + 1)::timestamp AT TIME ZONE @timeZone))::integer AS recent,
           EXISTS (SELECT 1
                   FROM lrs.content_contributions cc
                   JOIN organisation_users ou ON ou.user_id = cc.user_id
                   WHERE cc.at >= (@from90::timestamp AT TIME ZONE @timeZone) AND cc.at < ((@asOf + 1)::timestamp AT TIME ZONE @timeZone)) AS supplied
),
-- Links active in the last 30 days (ended_on null or within them) with a member on either side.
links AS (
    SELECT l.mentor_id, l.mentee_id
    FROM lrs.mentoring_links l
    JOIN members m ON m.user_id = l.mentor_id
    WHERE l.started_on <= @asOf
      AND (l.ended_on IS NULL OR l.ended_on >= @from30)
    UNION
    SELECT l.mentor_id, l.mentee_id
    FROM lrs.mentoring_links l
    JOIN members m ON m.user_id = l.mentee_id
    WHERE l.started_on <= @asOf
      AND (l.ended_on IS NULL OR l.ended_on >= @from30)
),
mentoring_facts AS (
    SELECT (SELECT count(*) FROM links)::integer AS pairs,
           (SELECT count(DISTINCT mentor_id) FROM links)::integer AS mentors,
           (SELECT count(DISTINCT side.user_id)
            FROM links l
            CROSS JOIN LATERAL (VALUES (l.mentor_id), (l.mentee_id)) AS side (user_id)
            JOIN members m ON m.user_id = side.user_id)::integer AS mentored,
           (EXISTS (SELECT 1
                    FROM lrs.mentoring_links l
                    JOIN organisation_users ou ON ou.user_id = l.mentor_id
                    WHERE l.started_on <= @asOf
                      AND (l.ended_on IS NULL OR l.ended_on >= @from90))
            OR EXISTS (SELECT 1
                       FROM lrs.mentoring_links l
                       JOIN organisation_users ou ON ou.user_id = l.mentee_id
                       WHERE l.started_on <= @asOf
                         AND (l.ended_on IS NULL OR l.ended_on >= @from90))) AS supplied
),
acquisitions AS (
    SELECT us.user_id, us.skill_id, us.acquired_on
    FROM lrs.user_skills us
    JOIN members m ON m.user_id = us.user_id
    WHERE us.acquired
      AND us.acquired_on BETWEEN @from365 AND @asOf
),
passed_practice AS (
    SELECT p.user_id, p.skill_id, max((p.started_at AT TIME ZONE @timeZone)::date) AS last_passed
    FROM lrs.practice_sessions p
    JOIN members m ON m.user_id = p.user_id
    WHERE p.passed
      AND p.skill_id IS NOT NULL
      AND p.started_at < ((@asOf + 1)::timestamp AT TIME ZONE @timeZone)
    GROUP BY p.user_id, p.skill_id
),
skill_facts AS (
    SELECT count(*)::integer AS acquired,
           (count(*) FILTER (WHERE pp.last_passed >= a.acquired_on))::integer AS applied,
           count(DISTINCT a.user_id)::integer AS acquirers
    FROM acquisitions a
    LEFT JOIN passed_practice pp ON pp.user_id = a.user_id AND pp.skill_id = a.skill_id
),
counts AS (
    SELECT (SELECT count(*)
            FROM lrs.help_requests hr
            JOIN members m ON m.user_id = hr.user_id
            WHERE hr.asked_at >= (@from30::timestamp AT TIME ZONE @timeZone) AND hr.asked_at < ((@asOf + 1)::timestamp AT TIME ZONE @timeZone))::integer AS help_requests,
           (SELECT count(*)
            FROM lrs.feedback f
            JOIN members m ON m.user_id = f.user_id
            WHERE f.submitted_at >= (@from90::timestamp AT TIME ZONE @timeZone) AND f.submitted_at < ((@asOf + 1)::timestamp AT TIME ZONE @timeZone))::integer AS feedback_loops,
           (SELECT count(DISTINCT st.skill_id)
            FROM lrs.skill_targets st
            WHERE st.organisation_id = @organisationId
              AND (@departmentId::text IS NULL OR st.department_id IS NULL OR st.department_id = @departmentId::text)
              AND EXISTS (SELECT 1
                          FROM lrs.course_skills cs
                          JOIN lrs.courses c ON c.id = cs.course_id
                          WHERE cs.skill_id = st.skill_id
                            AND (c.organisation_id = @organisationId OR c.organisation_id IS NULL)))::integer AS career_skills
)
SELECT h.employees >= @minGroupSize AS Visible,
       CASE WHEN h.employees >= @minGroupSize THEN h.employees END AS Employees,
       af.active AS ActiveEmployees,
       af.forum AS ForumEmployees,
       af.with_minutes AS EmployeesWithMinutes,
       af.median_weekly_minutes AS MedianWeeklyMinutes,
       eg.rated AS EngagementRated,
       eg.mean AS EngagementMean,
       ef.enrolled AS Enrolled,
       ef.enrolled_voluntary AS EnrolledVoluntary,
       ef.completed AS Completed,
       ef.completed_voluntary AS CompletedVoluntary,
       ef.completed_90 AS Completed90,
       ef.completed_previous_90 AS CompletedPrevious90,
       ef.completed_90_with_feedback AS Completed90WithFeedback,
       c.feedback_loops AS FeedbackLoops,
       cf.recent AS Contributions30,
       cf.supplied AS ContributionsSupplied,
       mf.pairs AS MentorshipPairs,
       mf.mentors AS ActiveMentors,
       mf.mentored AS MentoredEmployees,
       mf.supplied AS MentoringSupplied,
       c.help_requests AS HelpRequests,
       sf.acquired AS SkillsAcquired,
       sf.applied AS SkillsApplied,
       sf.acquirers AS SkillAcquirers,
       c.career_skills AS CareerSkills
FROM head h
CROSS JOIN activity_facts af
CROSS JOIN engagement eg
CROSS JOIN enrolment_facts ef
CROSS JOIN contribution_facts cf
CROSS JOIN mentoring_facts mf
CROSS JOIN skill_facts sf
CROSS JOIN counts c;
