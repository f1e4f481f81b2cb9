-- Assessment `GET /organizations/{orgId}/attempts` from lrs.submissions of the organisation's learners, the inverse of
-- SOURCES.md §3.3: attempt → attemptNumber, submitted_on → submittedOn, submitted_at → completedAt, score_pct → percentage,
-- time_spent_s → timeSpent, is_banked → isBanked.
WITH page AS (
    SELECT s.id, s.assessment_id, s.user_id, s.attempt, s.submitted_at, s.submitted_on, s.score_pct, s.time_spent_s, s.is_banked,
           k.updated_at, k.sort_key
    FROM lrs.submissions s
    JOIN lrs.users u ON u.id = s.user_id
    CROSS JOIN LATERAL (SELECT s.synced_at AS updated_at, s.id::text COLLATE "C" AS sort_key) k
    WHERE u.organisation_id = @organisationId
      AND (@updatedSince::timestamptz IS NULL OR k.updated_at >= @updatedSince::timestamptz)
      AND (@afterAt::timestamptz IS NULL OR (k.updated_at, k.sort_key) > (@afterAt::timestamptz, @afterKey::text COLLATE "C"))
    ORDER BY k.updated_at, k.sort_key
    LIMIT @take
)
SELECT p.updated_at, p.sort_key,
       json_build_object(
           'id', p.id,
           'assessmentId', p.assessment_id,
           'userId', p.user_id,
           'attemptNumber', p.attempt,
           'completedAt', p.submitted_at,
           'submittedOn', p.submitted_on,
           'percentage', p.score_pct,
           'timeSpent', p.time_spent_s,
           'isBanked', p.is_banked,
           'updatedAt', p.updated_at,
           'deletedAt', NULL)::text AS item
FROM page p
ORDER BY p.updated_at, p.sort_key;
