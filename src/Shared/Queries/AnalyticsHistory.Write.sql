-- Closed periods from the night's snapshots (DATA_MODEL.md §2 analytics_history): per learner, trainer and organisation subject
-- of its own role family, one `week` and one `month` row holding every analytic's headline numbers (the payload's top-level
-- numeric fields) and versions; organisation subjects also a `day` row. Internal rows (course facts, an organisation's
-- teaching peers) are not analytics of their subject and stay out. A period is written once: a row already there stays.
WITH per_subject AS (
    SELECT s.subject_type, s.subject_id, s.role,
           max(s.organisation_id) AS organisation_id,
           jsonb_object_agg(s.analytic, s.numbers) AS metrics,
           jsonb_object_agg(s.analytic, s.definition_version) AS definition_versions,
           CASE WHEN count(DISTINCT s.source) = 1 THEN min(s.source) ELSE 'mixed' END AS source,
           bool_or(s.degraded) AS degraded
    FROM (SELECT n.subject_type, n.subject_id, n.role, n.analytic, n.organisation_id, n.definition_version, n.source, n.degraded,
                 (SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
                  FROM jsonb_each(n.payload) AS e
                  WHERE jsonb_typeof(e.value) = 'number') AS numbers
          FROM analytics.analytics_snapshots n
          WHERE (n.subject_type, n.role) IN (('learner', 'learner'), ('trainer', 'trainer'), ('organisation', 'org-admin'))
            AND n.computed_at >= @since) AS s
    GROUP BY s.subject_type, s.subject_id, s.role
)
INSERT INTO analytics.analytics_history
    (period_type, period_start, subject_type, subject_id, role, organisation_id, metrics, definition_versions, source, degraded,
     computed_at)
SELECT p.period_type, p.period_start, x.subject_type, x.subject_id, x.role, x.organisation_id, x.metrics, x.definition_versions,
       x.source, x.degraded, @now
FROM per_subject x
JOIN (VALUES ('week', @weekStart::date, false), ('month', @monthStart::date, false), ('day', @dayStart::date, true))
    AS p(period_type, period_start, groups_only) ON NOT p.groups_only OR x.subject_type NOT IN ('learner', 'trainer')
ON CONFLICT (subject_type, subject_id, role, period_type, period_start) DO NOTHING;
