-- Everything the store keeps about one person (API.md §4.8), one key per table, rows with the store's column names. NULL when the
-- person does not exist. Never a secret: no password hash, no refresh-token hash, no webhook secret, no report file.
SELECT jsonb_build_object(
    'user', to_jsonb(u) || jsonb_build_object(
        'roles', coalesce((SELECT jsonb_agg(r.role ORDER BY r.role) FROM lrs.user_roles r WHERE r.user_id = u.id), '[]'::jsonb)),
    'preferences', jsonb_build_object('leaderboardPrivacy', u.leaderboard_privacy, 'predictiveOptOut', u.predictive_opt_out),
    'user_roles', coalesce((SELECT jsonb_agg(to_jsonb(r) ORDER BY r.role) FROM lrs.user_roles r WHERE r.user_id = u.id), '[]'::jsonb),
    'credentials', coalesce((
        SELECT jsonb_agg(jsonb_build_object('password_changed_at', c.password_changed_at, 'must_change', c.must_change,
                                            'failed_count', c.failed_count, 'locked_until', c.locked_until, 'created_at', c.created_at))
        FROM auth.user_credentials c WHERE c.user_id = u.id), '[]'::jsonb),
    'refresh_tokens', coalesce((
        SELECT jsonb_agg(jsonb_build_object('id', t.id, 'family_id', t.family_id, 'issued_at', t.issued_at, 'expires_at', t.expires_at,
                                            'used_at', t.used_at, 'revoked_at', t.revoked_at, 'revoked_reason', t.revoked_reason)
                         ORDER BY t.issued_at, t.id)
        FROM auth.refresh_tokens t WHERE t.user_id = u.id), '[]'::jsonb),
    'enrolments', coalesce((SELECT jsonb_agg(to_jsonb(e) ORDER BY e.enrolled_on, e.id) FROM lrs.enrolments e WHERE e.user_id = u.id), '[]'::jsonb),
    'learner_attributes', coalesce((
        SELECT jsonb_agg(to_jsonb(a) ORDER BY a.enrolment_id) FROM lrs.learner_attributes a WHERE a.user_id = u.id), '[]'::jsonb),
    'course_trainers', coalesce((
        SELECT jsonb_agg(to_jsonb(ct) ORDER BY ct.course_id) FROM lrs.course_trainers ct WHERE ct.user_id = u.id), '[]'::jsonb),
    'activity_days', coalesce((
        SELECT jsonb_agg(to_jsonb(d) ORDER BY d.day, d.course_id, d.content_item_id) FROM lrs.activity_days d WHERE d.user_id = u.id), '[]'::jsonb),
    'sessions', coalesce((SELECT jsonb_agg(to_jsonb(s) ORDER BY s.started_at) FROM lrs.sessions s WHERE s.user_id = u.id), '[]'::jsonb),
    'topic_completions', coalesce((
        SELECT jsonb_agg(to_jsonb(tc) ORDER BY tc.completed_at, tc.topic_id) FROM lrs.topic_completions tc WHERE tc.user_id = u.id), '[]'::jsonb),
    'submissions', coalesce((
        SELECT jsonb_agg(to_jsonb(sb) ORDER BY sb.submitted_on, sb.id) FROM lrs.submissions sb WHERE sb.user_id = u.id), '[]'::jsonb),
    'user_skills', coalesce((SELECT jsonb_agg(to_jsonb(us) ORDER BY us.skill_id) FROM lrs.user_skills us WHERE us.user_id = u.id), '[]'::jsonb),
    'feedback', coalesce((SELECT jsonb_agg(to_jsonb(f) ORDER BY f.submitted_at, f.id) FROM lrs.feedback f WHERE f.user_id = u.id), '[]'::jsonb),
    'learning_paths', coalesce((
        SELECT jsonb_agg(to_jsonb(p) || jsonb_build_object('topics', coalesce((
                   SELECT jsonb_agg(to_jsonb(pt) ORDER BY pt.position) FROM lrs.learning_path_topics pt WHERE pt.path_id = p.id), '[]'::jsonb))
                         ORDER BY p.created_at, p.id)
        FROM lrs.learning_paths p WHERE p.user_id = u.id), '[]'::jsonb),
    'practice_sessions', coalesce((
        SELECT jsonb_agg(to_jsonb(ps) ORDER BY ps.started_at, ps.id) FROM lrs.practice_sessions ps WHERE ps.user_id = u.id), '[]'::jsonb),
    'help_requests', coalesce((
        SELECT jsonb_agg(to_jsonb(h) ORDER BY h.asked_at, h.id) FROM lrs.help_requests h WHERE h.user_id = u.id), '[]'::jsonb),
    'mentoring_links', coalesce((
        SELECT jsonb_agg(to_jsonb(m) ORDER BY m.started_on, m.mentor_id, m.mentee_id)
        FROM lrs.mentoring_links m WHERE m.mentor_id = u.id OR m.mentee_id = u.id), '[]'::jsonb),
    'content_contributions', coalesce((
        SELECT jsonb_agg(to_jsonb(cc) ORDER BY cc.at, cc.content_item_id) FROM lrs.content_contributions cc WHERE cc.user_id = u.id), '[]'::jsonb),
    'recommendations_feed', coalesce((
        SELECT jsonb_agg(to_jsonb(rf) ORDER BY rf.generated_at, rf.item_type, rf.item_id)
        FROM lrs.recommendations_feed rf WHERE rf.user_id = u.id), '[]'::jsonb),
    -- The current snapshot of each analytic of each of the person's roles, with its meta (API.md §1.2).
    'analytics_snapshots', coalesce((
        SELECT jsonb_agg(jsonb_build_object(
                   'subject_type', sn.subject_type, 'role', sn.role, 'analytic', sn.analytic, 'data', sn.payload,
                   'meta', jsonb_build_object('computed_at', sn.computed_at, 'data_as_of', sn.data_as_of, 'source', sn.source,
                                              'degraded', sn.degraded, 'partial', sn.partial, 'missing_inputs', sn.missing_inputs,
                                              'coverage', sn.coverage, 'definition_version', sn.definition_version,
                                              'attempt_status', sn.attempt_status, 'suppression', sn.suppression))
                         ORDER BY sn.role, sn.subject_type, sn.analytic)
        FROM analytics.analytics_snapshots sn
        WHERE sn.subject_id = u.id AND sn.subject_type IN ('learner', 'trainer', 'trainer-cohort')), '[]'::jsonb),
    'analytics_history', coalesce((
        SELECT jsonb_agg(jsonb_build_object('subject_type', ah.subject_type, 'role', ah.role, 'period_type', ah.period_type,
                                            'period_start', ah.period_start, 'metrics', ah.metrics, 'computed_at', ah.computed_at)
                         ORDER BY ah.role, ah.period_type, ah.period_start)
        FROM analytics.analytics_history ah
        WHERE ah.subject_id = u.id AND ah.subject_type IN ('learner', 'trainer', 'trainer-cohort')), '[]'::jsonb),
    'predictions', coalesce((
        SELECT jsonb_agg(to_jsonb(pr) ORDER BY pr.as_of, pr.model_kind, pr.course_id) FROM analytics.predictions pr WHERE pr.user_id = u.id), '[]'::jsonb),
    'member_facts', coalesce((
        SELECT jsonb_agg(to_jsonb(mf) ORDER BY mf.organisation_id) FROM analytics.member_facts mf WHERE mf.user_id = u.id), '[]'::jsonb),
    -- Gamification (ANALYTICS.md §6): the points ledger, achievements and streaks.
    'point_events', coalesce((
        SELECT jsonb_agg(to_jsonb(pe) ORDER BY pe.occurred_on, pe.id) FROM gamification.point_events pe WHERE pe.user_id = u.id), '[]'::jsonb),
    'point_days', coalesce((SELECT jsonb_agg(to_jsonb(pd) ORDER BY pd.day) FROM gamification.point_days pd WHERE pd.user_id = u.id), '[]'::jsonb),
    'user_points', coalesce((SELECT jsonb_agg(to_jsonb(up)) FROM gamification.user_points up WHERE up.user_id = u.id), '[]'::jsonb),
    'user_badges', coalesce((
        SELECT jsonb_agg(to_jsonb(ub) || jsonb_build_object('name', b.name, 'description', b.description) ORDER BY ub.awarded_at, ub.badge_id)
        FROM gamification.user_badges ub JOIN gamification.badges b ON b.id = ub.badge_id WHERE ub.user_id = u.id), '[]'::jsonb),
    'streaks', coalesce((SELECT jsonb_agg(to_jsonb(st)) FROM gamification.streaks st WHERE st.user_id = u.id), '[]'::jsonb),
    'streak_periods', coalesce((
        SELECT jsonb_agg(to_jsonb(sp) ORDER BY sp.started_on) FROM gamification.streak_periods sp WHERE sp.user_id = u.id), '[]'::jsonb),
    -- Report and schedule metadata: the person's own, and reports about them (without who asked for those); never the files.
    'report_jobs', coalesce((
        SELECT jsonb_agg(jsonb_build_object('id', j.id, 'requested_by_self', j.requested_by IS NOT DISTINCT FROM u.id, 'role', j.role,
                                            'subject_type', j.subject_type, 'subject_id', j.subject_id, 'analytics', j.analytics,
                                            'format', j.format, 'parameters', j.parameters, 'title', j.title, 'status', j.status,
                                            'error', j.error, 'created_at', j.created_at, 'completed_at', j.completed_at,
                                            'expires_at', j.expires_at, 'download_count', j.download_count)
                         ORDER BY j.created_at, j.id)
        FROM reporting.report_jobs j
        WHERE j.requested_by = u.id OR (j.subject_id = u.id AND j.subject_type IN ('learner', 'trainer'))), '[]'::jsonb),
    'report_schedules', coalesce((
        SELECT jsonb_agg((to_jsonb(rs) - 'delivery') || jsonb_build_object('delivery', rs.delivery - 'secret') ORDER BY rs.created_at, rs.id)
        FROM reporting.report_schedules rs WHERE rs.owner_id = u.id), '[]'::jsonb)
)::text
FROM lrs.users u
WHERE u.id = @userId
