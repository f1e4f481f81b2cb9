-- Orphans in the tables that carry no foreign keys by design (DATA_MODEL.md §0 "foreign keys"): loaders write
-- parents first, and the nightly ops check reports what this returns as a metric.
CREATE OR REPLACE FUNCTION ops.orphan_counts()
RETURNS TABLE (table_name text, orphans bigint)
LANGUAGE sql STABLE
AS $fn$
    SELECT 'lrs.activity_days.user_id', count(*)
    FROM lrs.activity_days a
    WHERE NOT EXISTS (SELECT 1 FROM lrs.users u WHERE u.id = a.user_id)
    UNION ALL
    SELECT 'lrs.activity_days.course_id', count(*)
    FROM lrs.activity_days a
    WHERE NOT EXISTS (SELECT 1 FROM lrs.courses c WHERE c.id = a.course_id)
    UNION ALL
    SELECT 'lrs.sessions.user_id', count(*)
    FROM lrs.sessions s
    WHERE NOT EXISTS (SELECT 1 FROM lrs.users u WHERE u.id = s.user_id)
$fn$;
