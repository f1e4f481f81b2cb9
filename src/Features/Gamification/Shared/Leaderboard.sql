-- The members of a leaderboard scope with the learner role and their figures for one timeframe (ANALYTICS.md §6.4): @scope
-- organisation | course | platform, @organisationId (the caller's), @courseId, @from (NULL = all time) … @to (today in the organisation's
-- zone), @timeZone (the organisation's, for the day a badge was earned).
WITH members AS (
    SELECT u.id, u.organisation_id, u.display_name, u.leaderboard_privacy
    FROM lrs.users u
    WHERE EXISTS (SELECT 1 FROM lrs.user_roles r WHERE r.user_id = u.id AND r.role = 'learner')
      AND CASE @scope
              WHEN 'organisation' THEN u.organisation_id = @organisationId
              WHEN 'course' THEN EXISTS (SELECT 1 FROM lrs.enrolments e WHERE e.user_id = u.id AND e.course_id = @courseId)
              ELSE true
          END
)
SELECT m.id::text AS UserId,
       m.organisation_id::text AS OrganisationId,
       m.display_name AS DisplayName,
       m.leaderboard_privacy AS Privacy,
       coalesce((SELECT sum(pe.points)
                 FROM gamification.point_events pe
                 WHERE pe.user_id = m.id AND pe.reversed_at IS NULL
                   AND (@from::date IS NULL OR pe.occurred_on >= @from::date) AND pe.occurred_on <= @to::date), 0)::integer AS Points,
       coalesce(up.lifetime, 0)::bigint AS Lifetime,
       (SELECT count(*) FROM gamification.user_badges ub WHERE ub.user_id = m.id)::integer AS Badges,
       (SELECT count(*)
        FROM gamification.user_badges ub
        WHERE ub.user_id = m.id
          AND (@from::date IS NULL OR (ub.awarded_at AT TIME ZONE @timeZone)::date >= @from::date)
          AND (ub.awarded_at AT TIME ZONE @timeZone)::date <= @to::date)::integer AS BadgesInTimeframe,
       coalesce(st.current_length, 0)::integer AS CurrentStreak,
       coalesce((SELECT max(least(sp.length,
                                  least(coalesce(sp.ended_on, @to::date), @to::date)
                                  - greatest(sp.started_on, coalesce(@from::date, sp.started_on)) + 1))
                 FROM gamification.streak_periods sp
                 WHERE sp.user_id = m.id AND sp.started_on <= @to::date
                   AND (@from::date IS NULL OR coalesce(sp.ended_on, @to::date) >= @from::date)), 0)::integer AS LongestInTimeframe
FROM members m
LEFT JOIN gamification.user_points up ON up.user_id = m.id
LEFT JOIN gamification.streaks st ON st.user_id = m.id;
