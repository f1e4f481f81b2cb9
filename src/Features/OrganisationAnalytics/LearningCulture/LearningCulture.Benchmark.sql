-- The platform benchmark of learning culture (ANALYTICS.md §3.3 `benchmarks`): the maturity components of every OTHER
-- organisation, in one statement grouped by organisation, each on its own calendar (its reference date and time zone, §0.1).
-- k is enforced here: an organisation with fewer learners than its k (Privacy:MinGroupSize, raised by its settings) is left
-- out before any of its facts are read. Only the components of maturity are read (VP, VC, KSI, ME; SA has no source yet);
-- the calculator weights them, so the formula lives in one place.
WITH organisations AS (
    SELECT o.id,
           coalesce(o.time_zone, 'UTC') AS time_zone,
           coalesce((o.settings ->> 'analysisDate')::date, (@now AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date) - 1 AS as_of,
           greatest(@minGroupSize, coalesce((o.settings ->> 'minGroupSize')::integer, 0)) AS min_group_size,
           (NOT EXISTS (SELECT 1 FROM ops.organisation_sources os WHERE os.organisation_id = o.id)
            OR EXISTS (SELECT 1
                       FROM ops.organisation_sources os
                       WHERE os.organisation_id = o.id AND 'content_contributions' = ANY (os.provides))) AS provides_contributions,
           (NOT EXISTS (SELECT 1 FROM ops.organisation_sources os WHERE os.organisation_id = o.id)
            OR EXISTS (SELECT 1
                       FROM ops.organisation_sources os
                       WHERE os.organisation_id = o.id AND 'mentoring_links' = ANY (os.provides))) AS provides_mentoring
    FROM lrs.organisations o
    WHERE o.id <> @organisationId
),
learners AS (
    SELECT u.organisation_id, u.id AS user_id
    FROM lrs.users u
    JOIN lrs.user_roles r ON r.user_id = u.id AND r.role = 'learner'
    WHERE u.organisation_id <> @organisationId
),
eligible AS (
    SELECT o.id, o.time_zone, o.as_of, o.min_group_size, o.provides_contributions, o.provides_mentoring,
           count(*)::integer AS employees
    FROM organisations o
    JOIN learners l ON l.organisation_id = o.id
    GROUP BY o.id, o.time_zone, o.as_of, o.min_group_size, o.provides_contributions, o.provides_mentoring
    HAVING count(*) >= o.min_group_size
),
members AS (
    SELECT l.organisation_id, l.user_id, g.as_of, g.time_zone
    FROM learners l
    JOIN eligible g ON g.id = l.organisation_id
),
enrolment_facts AS (
    SELECT m.organisation_id,
           count(*) FILTER (WHERE e.enrolled_on BETWEEN m.as_of - 364 AND m.as_of)::integer AS enrolled,
           count(*) FILTER (WHERE e.enrolled_on BETWEEN m.as_of - 364 AND m.as_of AND e.kind = 'voluntary')::integer AS enrolled_voluntary,
           count(*) FILTER (WHERE e.completed_on BETWEEN m.as_of - 364 AND m.as_of)::integer AS completed,
           count(*) FILTER (WHERE e.completed_on BETWEEN m.as_of - 364 AND m.as_of AND e.kind = 'voluntary')::integer AS completed_voluntary
    FROM lrs.enrolments e
    JOIN members m ON m.user_id = e.user_id
    GROUP BY m.organisation_id
),
-- Contributions by the organisation's users (any role): the last 30 days count for KSI, the last 90 say whether the kind is supplied.
contribution_facts AS (
    SELECT g.id AS organisation_id,
           count(*) FILTER (WHERE mb.user_id IS NOT NULL
                              AND (cc.at AT TIME ZONE g.time_zone)::date BETWEEN g.as_of - 29 AND g.as_of)::integer AS recent,
           count(*) FILTER (WHERE (cc.at AT TIME ZONE g.time_zone)::date BETWEEN g.as_of - 89 AND g.as_of)::integer AS supplied_rows
    FROM lrs.content_contributions cc
    JOIN lrs.users u ON u.id = cc.user_id
    JOIN eligible g ON g.id = u.organisation_id
    LEFT JOIN members mb ON mb.user_id = cc.user_id
    GROUP BY g.id
),
-- One row per (organisation, user) on either side of a link; a link touching two organisations counts for both.
link_sides AS (
    SELECT u.organisation_id, side.user_id, l.started_on, l.ended_on
    FROM lrs.mentoring_links l
    CROSS JOIN LATERAL (VALUES (l.mentor_id), (l.mentee_id)) AS side (user_id)
    JOIN lrs.users u ON u.id = side.user_id
),
mentoring_facts AS (
    SELECT g.id AS organisation_id,
           count(DISTINCT ls.user_id) FILTER (WHERE mb.user_id IS NOT NULL
                                                AND ls.started_on <= g.as_of
                                                AND (ls.ended_on IS NULL OR ls.ended_on >= g.as_of - 29))::integer AS mentored,
           count(*) FILTER (WHERE ls.started_on <= g.as_of
                              AND (ls.ended_on IS NULL OR ls.ended_on >= g.as_of - 89))::integer AS supplied_rows
    FROM link_sides ls
    JOIN eligible g ON g.id = ls.organisation_id
    LEFT JOIN members mb ON mb.user_id = ls.user_id
    GROUP BY g.id
)
SELECT g.id AS OrganisationId,
       g.employees AS Employees,
       g.min_group_size AS MinGroupSize,
       coalesce(ef.enrolled, 0) AS Enrolled,
       coalesce(ef.enrolled_voluntary, 0) AS EnrolledVoluntary,
       coalesce(ef.completed, 0) AS Completed,
       coalesce(ef.completed_voluntary, 0) AS CompletedVoluntary,
       coalesce(cf.recent, 0) AS Contributions30,
       g.provides_contributions AND coalesce(cf.supplied_rows, 0) > 0 AS ContributionsSupplied,
       coalesce(mf.mentored, 0) AS MentoredEmployees,
       g.provides_mentoring AND coalesce(mf.supplied_rows, 0) > 0 AS MentoringSupplied
FROM eligible g
LEFT JOIN enrolment_facts ef ON ef.organisation_id = g.id
LEFT JOIN contribution_facts cf ON cf.organisation_id = g.id
LEFT JOIN mentoring_facts mf ON mf.organisation_id = g.id
ORDER BY g.id;
