-- Course Builder `GET /organizations/{orgId}/enrollments` from lrs.enrolments of the organisation's learners, the inverse of
-- SOURCES.md §3.3: kind voluntary → enrollmentType `self_enrolled`, status active → `in_progress`; the other values as stored.
WITH page AS (
    SELECT e.id, e.course_id, e.user_id, e.enrolled_on, e.kind, e.status, e.progress_pct, e.completed_on, e.withdrawn_on,
           e.final_result, k.updated_at, k.sort_key
    FROM lrs.enrolments e
    JOIN lrs.users u ON u.id = e.user_id
    CROSS JOIN LATERAL (SELECT e.synced_at AS updated_at, e.id::text COLLATE "C" AS sort_key) k
    WHERE u.organisation_id = @organisationId
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.id,
           'courseId', p.course_id,
           'userId', p.user_id,
           'enrolledAt', p.enrolled_on,
           'enrollmentType', CASE p.kind WHEN 'voluntary' THEN 'self_enrolled' ELSE p.kind END,
           'status', CASE p.status WHEN 'active' THEN 'in_progress' ELSE p.status END,
           'progress', p.progress_pct,
           'completedAt', p.completed_on,
           'withdrawnAt', p.withdrawn_on,
           'finalResult', p.final_result,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
