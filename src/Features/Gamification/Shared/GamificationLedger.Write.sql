-- One chunk of learners of one organisation in one transaction (@organisationId, @users, @now and one jsonb array per table).
-- The advisory lock serialises recomputes of the same organisation (start-up, a sync and the nightly run may overlap).
SELECT pg_advisory_xact_lock(hashtext('gamification:' || @organisationId::text));

-- Awarded once per fact, however often it is re-synced or recomputed (DATA_MODEL.md §4).
INSERT INTO gamification.point_events (user_id, rule, source_event_id, occurred_on, points_requested, points, capped, awarded_at)
SELECT r.user_id, r.rule, r.source_event_id, r.day, r.points_requested, r.points, r.capped, @now
FROM jsonb_to_recordset(@events::jsonb) AS r(user_id text, rule text, source_event_id text, day date, points_requested integer,
                                             points integer, capped boolean)
ON CONFLICT (user_id, rule, source_event_id) DO NOTHING;

DELETE FROM gamification.point_days WHERE user_id = ANY (@users);
INSERT INTO gamification.point_days (user_id, day, points)
SELECT pe.user_id, pe.occurred_on, greatest(0, sum(pe.points))
FROM gamification.point_events pe
WHERE pe.user_id = ANY (@users) AND pe.reversed_at IS NULL
GROUP BY pe.user_id, pe.occurred_on;

INSERT INTO gamification.user_points (user_id, organisation_id, lifetime, level, week_start, week_points, month_start, month_points,
                                      year_points, updated_at)
SELECT r.user_id, r.organisation_id, r.lifetime, r.level, r.week_start, r.week_points, r.month_start, r.month_points, r.year_points, @now
FROM jsonb_to_recordset(@points::jsonb) AS r(user_id text, organisation_id text, lifetime bigint, level smallint, week_start date,
                                             week_points integer, month_start date, month_points integer, year_points integer)
ON CONFLICT (user_id) DO UPDATE
SET organisation_id = EXCLUDED.organisation_id, lifetime = EXCLUDED.lifetime, level = EXCLUDED.level, week_start = EXCLUDED.week_start,
    week_points = EXCLUDED.week_points, month_start = EXCLUDED.month_start, month_points = EXCLUDED.month_points,
    year_points = EXCLUDED.year_points, updated_at = EXCLUDED.updated_at;

INSERT INTO gamification.streaks (user_id, current_length, current_start, last_active_day, longest_length, longest_start, freezes_available,
                                  freezes_earned_total, freezes_used_total, evaluated_through, updated_at)
SELECT r.user_id, r.current_length, r.current_start, r.last_active_day, r.longest_length, r.longest_start, r.freezes_available,
       r.freezes_earned_total, r.freezes_used_total, r.evaluated_through, @now
FROM jsonb_to_recordset(@streaks::jsonb) AS r(user_id text, current_length integer, current_start date, last_active_day date,
                                              longest_length integer, longest_start date, freezes_available smallint,
                                              freezes_earned_total integer, freezes_used_total integer, evaluated_through date)
ON CONFLICT (user_id) DO UPDATE
SET current_length = EXCLUDED.current_length, current_start = EXCLUDED.current_start, last_active_day = EXCLUDED.last_active_day,
    longest_length = EXCLUDED.longest_length, longest_start = EXCLUDED.longest_start, freezes_available = EXCLUDED.freezes_available,
    freezes_earned_total = EXCLUDED.freezes_earned_total, freezes_used_total = EXCLUDED.freezes_used_total,
    evaluated_through = EXCLUDED.evaluated_through, updated_at = EXCLUDED.updated_at;

DELETE FROM gamification.streak_periods WHERE user_id = ANY (@users);
INSERT INTO gamification.streak_periods (user_id, started_on, ended_on, length, freezes_used)
SELECT r.user_id, r.started_on, r.ended_on, r.length, r.freezes_used
FROM jsonb_to_recordset(@periods::jsonb) AS r(user_id text, started_on date, ended_on date, length integer, freezes_used smallint);

DELETE FROM gamification.user_badges WHERE user_id = ANY (@users);
INSERT INTO gamification.user_badges (user_id, badge_id, awarded_at)
SELECT r.user_id, r.badge_id, r.earned_on::timestamp AT TIME ZONE r.time_zone
FROM jsonb_to_recordset(@badges::jsonb) AS r(user_id text, badge_id text, earned_on date, time_zone text);
