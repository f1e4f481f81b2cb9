-- Skills Engine `GET /skill-mappings[?organizationId=]` from lrs.course_skills (moduleId null) and lrs.topic_skills (the
-- module's course as courseId), SOURCES.md §3.3; with @organisationId only the mappings of that organisation's courses and
-- of the platform courses its learners are enrolled in. The key is (course, module or empty, skill).
WITH courses_in_scope AS (
    SELECT c.id
    FROM lrs.courses c
    WHERE @organisationId::text IS NULL
       OR c.organisation_id = @organisationId::text
       OR (c.organisation_id IS NULL
           AND EXISTS (SELECT 1
                       FROM lrs.enrolments e
                       JOIN lrs.users u ON u.id = e.user_id
                       WHERE e.course_id = c.id AND u.organisation_id = @organisationId::text))
), mappings AS (
    SELECT cs.course_id, NULL::text AS topic_id, cs.skill_id, cs.synced_at
    FROM courses_in_scope s
    JOIN lrs.course_skills cs ON cs.course_id = s.id
    UNION ALL
    SELECT t.course_id, ts.topic_id, ts.skill_id, ts.synced_at
    FROM courses_in_scope s
    JOIN lrs.topics t ON t.course_id = s.id
    JOIN lrs.topic_skills ts ON ts.topic_id = t.id
), page AS (
    SELECT m.course_id, m.topic_id, m.skill_id, k.updated_at, k.sort_key
    FROM mappings m
    CROSS JOIN LATERAL (SELECT m.synced_at AS updated_at,
                               (m.course_id || '|' || coalesce(m.topic_id, '') || '|' || m.skill_id)::text COLLATE "C" AS sort_key) k
    WHERE (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'courseId', p.course_id,
           'moduleId', p.topic_id,
           'skillId', p.skill_id,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
