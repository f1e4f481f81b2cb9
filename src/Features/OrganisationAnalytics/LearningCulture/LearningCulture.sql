-- Learning culture of one organisation, or of one of its departments (ANALYTICS.md §3.3), in one statement: every figure is
-- an aggregate over the members (users of the organisation or department with the learner role), from their member facts
-- (MemberFacts made them current: each member's own counts over windows ending at asOf) plus the organisation's mentoring
-- links, whether its sources supply contributions and mentoring (timestamps compared with the local midnights of the
-- organisation's zone, constants, so they stay sargable) and its career skills.
-- k-anonymity is enforced here: below @minGroupSize members nothing about the group is read (members is empty) and the head
-- count is not returned; the calculator checks again.
WITH facts AS MATERIALIZED (
    SELECT f.user_id, f.active_recent, f.forum_recent, f.minutes_recent, f.engagement,
           f.enrolled_year, f.enrolled_voluntary_year, f.completed_year, f.completed_voluntary_year, f.completed_ninety,
           f.completed_previous_ninety, f.completed_ninety_with_feedback, f.feedback_ninety, f.contributions_recent,
           f.help_requests_recent, f.skills_year, f.skills_applied_year
    FROM analytics.member_facts f
    WHERE f.organisation_id = @organisationId
      AND (@departmentId::text IS NULL OR f.department_id = @departmentId::text)
),
head AS (
    SELECT count(*)::integer AS employees FROM facts
),
members AS (
    SELECT f.user_id
    FROM facts f
    CROSS JOIN head h
    WHERE h.employees >= @minGroupSize
),
-- Learners of the whole organisation: whether its sources supply a kind is judged for the organisation (§0.4).
organisation_users AS (
    SELECT u.id AS user_id
    FROM lrs.users u
    WHERE u.organisation_id = @organisationId
),
-- The members' own figures (MemberFacts), summed only when the group has at least k members. Activity days (§0.4) of the
-- last 30 days; among the active, forum-item activity and the minutes (null when none recorded).
member_sums AS (
    SELECT count(*) FILTER (WHERE f.active_recent)::integer AS active,
           count(*) FILTER (WHERE f.active_recent AND f.forum_recent)::integer AS forum,
           count(*) FILTER (WHERE f.active_recent AND f.minutes_recent > 0)::integer AS with_minutes,
           CASE WHEN count(*) FILTER (WHERE f.active_recent) >= @minGroupSize
                THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY coalesce(f.minutes_recent, 0) * 7.0 / 30)
                         FILTER (WHERE f.active_recent) END AS median_weekly_minutes,
           count(f.engagement)::integer AS rated,
           avg(f.engagement) AS mean,
           coalesce(sum(f.enrolled_year), 0)::integer AS enrolled,
           coalesce(sum(f.enrolled_voluntary_year), 0)::integer AS enrolled_voluntary,
           coalesce(sum(f.completed_year), 0)::integer AS completed,
           coalesce(sum(f.completed_voluntary_year), 0)::integer AS completed_voluntary,
           coalesce(sum(f.completed_ninety), 0)::integer AS completed_90,
           coalesce(sum(f.completed_previous_ninety), 0)::integer AS completed_previous_90,
           coalesce(sum(f.completed_ninety_with_feedback), 0)::integer AS completed_90_with_feedback,
           coalesce(sum(f.feedback_ninety), 0)::integer AS feedback_loops,
           coalesce(sum(f.contributions_recent), 0)::integer AS recent_contributions,
           coalesce(sum(f.help_requests_recent), 0)::integer AS help_requests,
           coalesce(sum(f.skills_year), 0)::integer AS skills_acquired,
           coalesce(sum(f.skills_applied_year), 0)::integer AS skills_applied,
           count(*) FILTER (WHERE f.skills_year > 0)::integer AS acquirers
    FROM facts f
    CROSS JOIN head h
    WHERE h.employees >= @minGroupSize
),
contribution_facts AS (
    SELECT EXISTS (SELECT 1
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
counts AS (
    SELECT (SELECT count(DISTINCT st.skill_id)
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
       ms.active AS ActiveEmployees,
       ms.forum AS ForumEmployees,
       ms.with_minutes AS EmployeesWithMinutes,
       ms.median_weekly_minutes AS MedianWeeklyMinutes,
       ms.rated AS EngagementRated,
       ms.mean AS EngagementMean,
       ms.enrolled AS Enrolled,
       ms.enrolled_voluntary AS EnrolledVoluntary,
       ms.completed AS Completed,
       ms.completed_voluntary AS CompletedVoluntary,
       ms.completed_90 AS Completed90,
       ms.completed_previous_90 AS CompletedPrevious90,
       ms.completed_90_with_feedback AS Completed90WithFeedback,
       ms.feedback_loops AS FeedbackLoops,
       ms.recent_contributions AS Contributions30,
       cf.supplied AS ContributionsSupplied,
       mf.pairs AS MentorshipPairs,
       mf.mentors AS ActiveMentors,
       mf.mentored AS MentoredEmployees,
       mf.supplied AS MentoringSupplied,
       ms.help_requests AS HelpRequests,
       ms.skills_acquired AS SkillsAcquired,
       ms.skills_applied AS SkillsApplied,
       ms.acquirers AS SkillAcquirers,
       c.career_skills AS CareerSkills
FROM head h
CROSS JOIN member_sums ms
CROSS JOIN contribution_facts cf
CROSS JOIN mentoring_facts mf
CROSS JOIN counts c;
