-- GDPR erasure of one person (DATA_MODEL.md §10, API.md §4.8), run inside the erasure's transaction after the request, its
-- audit entry and the tombstone. Each statement answers rows (Table, Count, Kind): `deleted` rows, or `anonymised` rows that
-- are kept without the person's id. @pattern matches the id as a whole word (ids are [A-Za-z0-9_-]).

-- Sessions: every unexpired family is deny-listed for the access tokens' remaining hour (named 'erased', not the person), then
-- the person's tokens, credentials and login attempts (by the HMAC of the e-mail) go.
WITH families AS (
    SELECT DISTINCT t.family_id FROM auth.refresh_tokens t WHERE t.user_id = @userId AND t.expires_at > @now
), denied AS (
    INSERT INTO auth.revoked_access (jti, family_id, user_id, expires_at)
    SELECT NULL, f.family_id, 'erased', @expiresAt FROM families f
    RETURNING family_id
), told AS (
    SELECT pg_notify('auth_revoked', concat('family:', d.family_id, ':', @expiresUnix)) FROM denied d
)
SELECT 'auth.revoked_access (families denied)' AS "Table", (SELECT count(*) FROM told) AS "Count", 'anonymised' AS "Kind";

WITH d AS (UPDATE auth.revoked_access SET user_id = 'erased' WHERE user_id = @userId RETURNING 1)
SELECT 'auth.revoked_access', count(*), 'anonymised' FROM d;

WITH d AS (DELETE FROM auth.refresh_tokens WHERE user_id = @userId RETURNING 1)
SELECT 'auth.refresh_tokens', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM auth.user_credentials WHERE user_id = @userId RETURNING 1)
SELECT 'auth.user_credentials', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM auth.login_attempts WHERE login_hash = @loginHash RETURNING 1)
SELECT 'auth.login_attempts', count(*), 'deleted' FROM d;

-- Analytics: the person's own snapshots (every role), every snapshot naming them, the peer comparisons of their organisation
-- (their groups' aggregates counted them; recomputed on the next read), history, predictions, member facts and the organisation's
-- fact set (so the next organisation read counts the members again), their jobs.
WITH d AS (
    DELETE FROM analytics.analytics_snapshots s
    WHERE (s.subject_id = @userId AND s.subject_type IN ('learner', 'trainer', 'trainer-cohort'))
       OR EXISTS (SELECT 1 FROM analytics.snapshot_people p
                  WHERE p.user_id = @userId AND p.subject_type = s.subject_type AND p.subject_id = s.subject_id AND p.role = s.role
                    AND p.analytic = s.analytic)
       OR ((s.organisation_id = @organisationId OR s.organisation_id IS NULL) AND s.payload::text ~ @pattern)
       OR (s.organisation_id = @organisationId AND s.analytic = 'peer-comparison')
    RETURNING 1
)
SELECT 'analytics.analytics_snapshots', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM analytics.snapshot_people WHERE user_id = @userId RETURNING 1)
SELECT 'analytics.snapshot_people', count(*), 'deleted' FROM d;

WITH d AS (
    DELETE FROM analytics.analytics_history WHERE subject_id = @userId AND subject_type IN ('learner', 'trainer', 'trainer-cohort') RETURNING 1
)
SELECT 'analytics.analytics_history', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM analytics.predictions WHERE user_id = @userId RETURNING 1)
SELECT 'analytics.predictions', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM analytics.member_facts WHERE user_id = @userId RETURNING 1)
SELECT 'analytics.member_facts', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM analytics.member_fact_sets WHERE organisation_id = @organisationId RETURNING 1)
SELECT 'analytics.member_fact_sets', count(*), 'deleted' FROM d;

WITH d AS (
    DELETE FROM analytics.refresh_jobs WHERE subject_id = @userId AND subject_type IN ('learner', 'trainer', 'trainer-cohort') RETURNING 1
)
SELECT 'analytics.refresh_jobs', count(*), 'deleted' FROM d;

WITH d AS (UPDATE analytics.refresh_jobs SET requested_by = NULL WHERE requested_by = @userId RETURNING 1)
SELECT 'analytics.refresh_jobs', count(*), 'anonymised' FROM d;

WITH d AS (
    DELETE FROM analytics.batch_failures WHERE subject_id = @userId AND subject_type IN ('learner', 'trainer', 'trainer-cohort') RETURNING 1
)
SELECT 'analytics.batch_failures', count(*), 'deleted' FROM d;

WITH d AS (UPDATE analytics.batch_runs SET requested_by = NULL WHERE requested_by = @userId RETURNING 1)
SELECT 'analytics.batch_runs', count(*), 'anonymised' FROM d;

-- Gamification.
WITH d AS (DELETE FROM gamification.point_events WHERE user_id = @userId RETURNING 1)
SELECT 'gamification.point_events', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM gamification.point_days WHERE user_id = @userId RETURNING 1)
SELECT 'gamification.point_days', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM gamification.user_points WHERE user_id = @userId RETURNING 1)
SELECT 'gamification.user_points', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM gamification.user_badges WHERE user_id = @userId RETURNING 1)
SELECT 'gamification.user_badges', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM gamification.streaks WHERE user_id = @userId RETURNING 1)
SELECT 'gamification.streaks', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM gamification.streak_periods WHERE user_id = @userId RETURNING 1)
SELECT 'gamification.streak_periods', count(*), 'deleted' FROM d;

-- Reports: other owners' reports whose file names the person lose the file and fail with SUBJECT_ERASED; the person's own
-- reports and reports about them go, with their files; so do their schedules and schedules about them.
WITH named AS (
    SELECT DISTINCT p.report_id
    FROM reporting.report_people p
    JOIN reporting.report_jobs j ON j.id = p.report_id
    WHERE p.user_id = @userId
      AND j.requested_by IS DISTINCT FROM @userId
      AND NOT (j.subject_id = @userId AND j.subject_type IN ('learner', 'trainer'))
), files AS (
    DELETE FROM reporting.report_files f USING named n WHERE f.report_id = n.report_id RETURNING 1
), people AS (
    DELETE FROM reporting.report_people p USING named n WHERE p.report_id = n.report_id RETURNING 1
), failed AS (
    UPDATE reporting.report_jobs j
    SET status = 'failed', error = 'SUBJECT_ERASED: a person this report named has been erased', preview = NULL,
        completed_at = coalesce(j.completed_at, @now)
    FROM named n
    WHERE j.id = n.report_id
    RETURNING 1
)
SELECT 'reporting.report_files', (SELECT count(*) FROM files), 'deleted'
UNION ALL
SELECT 'reporting.report_people', (SELECT count(*) FROM people), 'deleted'
UNION ALL
SELECT 'reporting.report_jobs (failed: SUBJECT_ERASED)', (SELECT count(*) FROM failed), 'anonymised';

WITH own AS (
    SELECT j.id FROM reporting.report_jobs j
    WHERE j.requested_by = @userId OR (j.subject_id = @userId AND j.subject_type IN ('learner', 'trainer'))
), files AS (
    DELETE FROM reporting.report_files f USING own o WHERE f.report_id = o.id RETURNING 1
), people AS (
    DELETE FROM reporting.report_people p USING own o WHERE p.report_id = o.id RETURNING 1
), jobs AS (
    DELETE FROM reporting.report_jobs j USING own o WHERE j.id = o.id RETURNING 1
)
SELECT 'reporting.report_files', (SELECT count(*) FROM files), 'deleted'
UNION ALL
SELECT 'reporting.report_people', (SELECT count(*) FROM people), 'deleted'
UNION ALL
SELECT 'reporting.report_jobs', (SELECT count(*) FROM jobs), 'deleted';

WITH d AS (DELETE FROM reporting.report_people WHERE user_id = @userId RETURNING 1)
SELECT 'reporting.report_people', count(*), 'deleted' FROM d;

WITH d AS (
    DELETE FROM reporting.report_schedules
    WHERE owner_id = @userId OR (subject_id = @userId AND subject_type IN ('learner', 'trainer'))
    RETURNING 1
)
SELECT 'reporting.report_schedules', count(*), 'deleted' FROM d;

WITH d AS (UPDATE reporting.report_templates SET created_by = NULL WHERE created_by = @userId RETURNING 1)
SELECT 'reporting.report_templates', count(*), 'anonymised' FROM d;

-- The learning record store: every table the export holds, then the user row (nothing is left to cascade).
WITH d AS (DELETE FROM lrs.learner_attributes WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.learner_attributes', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.enrolments WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.enrolments', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.activity_days WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.activity_days', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.sessions WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.sessions', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.topic_completions WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.topic_completions', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.submissions WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.submissions', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.user_skills WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.user_skills', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.feedback WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.feedback', count(*), 'deleted' FROM d;

WITH d AS (
    DELETE FROM lrs.learning_path_topics t USING lrs.learning_paths p WHERE t.path_id = p.id AND p.user_id = @userId RETURNING 1
)
SELECT 'lrs.learning_path_topics', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.learning_paths WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.learning_paths', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.practice_sessions WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.practice_sessions', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.help_requests WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.help_requests', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.mentoring_links WHERE mentor_id = @userId OR mentee_id = @userId RETURNING 1)
SELECT 'lrs.mentoring_links', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.content_contributions WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.content_contributions', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.recommendations_feed WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.recommendations_feed', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.course_trainers WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.course_trainers', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.user_roles WHERE user_id = @userId RETURNING 1)
SELECT 'lrs.user_roles', count(*), 'deleted' FROM d;

WITH d AS (DELETE FROM lrs.users WHERE id = @userId RETURNING 1)
SELECT 'lrs.users', count(*), 'deleted' FROM d;

-- Operations: rejected upstream items that carry the person (by id or e-mail), who asked for a sync run, and every audit and
-- privacy-request reference to them, which becomes `hash:` + hex of the tombstone hash.
WITH d AS (
    DELETE FROM ops.sync_rejects r
    WHERE concat_ws(' ', r.record_key, r.reason, r.payload::text) ~ @pattern
       OR (@email::text IS NOT NULL AND strpos(lower(r.payload::text), lower(@email::text)) > 0)
    RETURNING 1
)
SELECT 'ops.sync_rejects', count(*), 'deleted' FROM d;

WITH d AS (UPDATE ops.sync_runs SET progress = progress - 'requestedBy' WHERE progress ->> 'requestedBy' = @userId RETURNING 1)
SELECT 'ops.sync_runs', count(*), 'anonymised' FROM d;

WITH d AS (
    UPDATE ops.audit_log
    SET actor_ref = CASE WHEN actor_ref = @userId THEN @subjectRef ELSE actor_ref END,
        subject_ref = CASE WHEN subject_ref = @userId THEN @subjectRef ELSE subject_ref END
    WHERE actor_ref = @userId OR subject_ref = @userId
    RETURNING 1
)
SELECT 'ops.audit_log', count(*), 'anonymised' FROM d;

WITH d AS (
    UPDATE ops.privacy_requests
    SET requested_by = CASE WHEN requested_by = @userId THEN @subjectRef ELSE requested_by END,
        subject_id = CASE WHEN subject_id = @userId THEN NULL ELSE subject_id END
    WHERE requested_by = @userId OR subject_id = @userId
    RETURNING 1
)
SELECT 'ops.privacy_requests', count(*), 'anonymised' FROM d;
