-- Content Studio `GET /organizations/{orgId}/usage/daily?from=&to=` from lrs.activity_days of the organisation's learners, the
-- inverse of SOURCES.md §3.3: the day's full total, seconds = minutes × 60 (null when minutes is null); from/to are inclusive
-- local days. The key is (user, day, course, content).
WITH page AS (
    SELECT a.user_id, a.course_id, a.content_item_id, a.day, a.events, a.minutes, k.updated_at, k.sort_key
    FROM lrs.activity_days a
    JOIN lrs.users u ON u.id = a.user_id
    CROSS JOIN LATERAL (SELECT a.synced_at AS updated_at,
                               (a.user_id || '|' || a.day::text || '|' || a.course_id || '|' || coalesce(a.content_item_id, ''))::text COLLATE "C" AS sort_key) k
    WHERE u.organisation_id = @organisationId
      AND (@from::date IS NULL OR a.day >= @from::date)
      AND (@to::date IS NULL OR a.day <= @to::date)
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'userId', p.user_id,
           'courseId', p.course_id,
           'contentId', p.content_item_id,
           'date', p.day,
           'events', p.events,
           'seconds', p.minutes * 60,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
